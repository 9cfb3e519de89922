package io.kefu.request;

import static io.kefu.request.RequestStatus.ACCEPTED;
import static io.kefu.request.RequestStatus.CLOSED;
import static io.kefu.request.RequestStatus.COMPLETED;
import static io.kefu.request.RequestStatus.DISPATCHED;
import static io.kefu.request.RequestStatus.IN_PROGRESS;
import static io.kefu.request.RequestStatus.PAUSED;
import static io.kefu.request.RequestStatus.REGISTERED;
import static io.kefu.request.RequestStatus.RESOLVED;

/**
 * The steps the owner or a supervisor takes on a request, and the states each is
 * allowed in. The aggregate enforces them; the request page offers only these.
 * (The technician's steps are {@link FieldWork}'s.)
 */
public enum RequestStep {

	TRANSFER("转交"), DISPATCH("派工"), REASSIGN("转派"), RESOLVE("办结"), REOPEN("重新派工"), CLOSE("归档"),
	MERGE("合并"), FOLLOW_UP("每日跟踪");

	private final String label;

	RequestStep(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean allowedIn(RequestStatus status, RequestType type) {
		return switch (this) {
			case TRANSFER, MERGE -> status.isOpen();
			case DISPATCH -> status == REGISTERED;
			case REASSIGN -> status == DISPATCHED || status == ACCEPTED || status == IN_PROGRESS || status == PAUSED;
			case RESOLVE -> status == COMPLETED || (status == REGISTERED && !type.needsDispatch());
			case REOPEN -> status == RESOLVED || status == CLOSED;
			case CLOSE -> status == RESOLVED;
			case FOLLOW_UP -> status.isOpen() && status != REGISTERED;
		};
	}

	/** Why the step is refused in this state, in the words the agent reads. */
	public String refusal(RequestStatus status, RequestType type) {
		String reason = "工单当前状态（" + status.label() + "）不能" + label;
		return this == RESOLVE && type.needsDispatch() ? reason + "（须先派工并完工）" : reason;
	}
}
