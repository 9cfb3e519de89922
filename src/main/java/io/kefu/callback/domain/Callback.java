package io.kefu.callback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kefu.callback.CallbackAttempt;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackResult;
import io.kefu.callback.CallbackSettings;
import io.kefu.callback.CallbackState;
import io.kefu.shared.Satisfaction;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.StaleDataException;

/**
 * A callback (回访) of one resolution of a request. It guards its own steps: tries while
 * open, giving up after the failed tries the settings allow, and the outcome once reached.
 */
public class Callback {

	private final long id;

	private final long requestId;

	private final long siteId;

	private final Instant dueAt;

	private final int version;

	private final List<CallbackAttempt> attempts;

	private CallbackState state;

	private Instant nextTryAt;

	private CallbackMethod method;

	private Satisfaction satisfaction;

	private String comment;

	private Long closedBy;

	private String closedByName;

	private Instant closedAt;

	Callback(long id, long requestId, long siteId, Instant dueAt, int version, CallbackState state, Instant nextTryAt,
			List<CallbackAttempt> attempts) {
		this.id = id;
		this.requestId = requestId;
		this.siteId = siteId;
		this.dueAt = dueAt;
		this.version = version;
		this.state = state;
		this.nextTryAt = nextTryAt;
		this.attempts = new ArrayList<>(attempts);
	}

	/** The form was filled in on an older version: someone else has taken a step since. */
	public void requireVersion(int seen) {
		if (seen != version) {
			throw new StaleDataException("该回访已被他人处理，请刷新后查看");
		}
	}

	/**
	 * A try that did not reach the customer, or a new time they asked for (改约, which is
	 * no failure). Returns true when the customer now counts as unreachable.
	 */
	public boolean attempt(CallbackMethod how, CallbackResult result, Instant nextTry, String note, long agentId,
			String agentName, Instant now, CallbackSettings settings) {
		requireOpen();
		if (how == null) {
			throw new InvalidInputException("method", "请选择回访方式：电话、上门、网上或短信");
		}
		if (result == null) {
			throw new InvalidInputException("result", "请选择回访结果");
		}
		if (result == CallbackResult.REACHED) {
			throw new InvalidInputException("result", "已接通时请直接记录客户的满意度");
		}
		if (nextTry != null && !nextTry.isAfter(now)) {
			throw new InvalidInputException("nextTryAt", "下次回访时间不能早于现在");
		}
		if (result == CallbackResult.RESCHEDULED && nextTry == null) {
			throw new InvalidInputException("nextTryAt", "改约须填写客户约定的下次回访时间");
		}
		attempts.add(new CallbackAttempt(null, how, result, nextTry, note == null ? "" : note.strip(), agentId,
				agentName, now));
		nextTryAt = nextTry;
		if (failedSince(now.minus(settings.failureWindow())) < settings.maxFailedAttempts()) {
			return false;
		}
		state = CallbackState.UNREACHABLE;
		nextTryAt = null;
		close(agentId, agentName, now);
		return true;
	}

	/** The customer was reached (or rated online): their satisfaction and what they said. */
	public void complete(CallbackMethod how, Satisfaction level, String said, long agentId, String agentName,
			Instant now) {
		requireOpen();
		if (how == null) {
			throw new InvalidInputException("method", "请选择回访方式：电话、上门、网上或短信");
		}
		if (level == null) {
			throw new InvalidInputException("satisfaction", "请选择满意度：非常满意、满意、一般、不满意或非常不满意");
		}
		String text = said == null || said.isBlank() ? null : said.strip();
		if (level.dissatisfied() && text == null) {
			throw new InvalidInputException("comment", "客户不满意时请填写原因，重新派工时要用");
		}
		attempts.add(new CallbackAttempt(null, how, CallbackResult.REACHED, null, text == null ? "" : text, agentId,
				agentName, now));
		state = CallbackState.COMPLETED;
		method = how;
		satisfaction = level;
		comment = text;
		nextTryAt = null;
		close(agentId, agentName, now);
	}

	/** Done by its due time (a callback without one is always in time). */
	public boolean onTime() {
		return closedAt != null && (dueAt == null || !closedAt.isAfter(dueAt));
	}

	public int failedAttempts() {
		return (int) attempts.stream().filter(a -> a.result().failed()).count();
	}

	private long failedSince(Instant from) {
		return attempts.stream().filter(a -> a.result().failed() && a.attemptedAt().isAfter(from)).count();
	}

	private void close(long agentId, String agentName, Instant now) {
		closedBy = agentId;
		closedByName = agentName;
		closedAt = now;
	}

	private void requireOpen() {
		if (state != CallbackState.OPEN) {
			throw new InvalidInputException("state", "该回访已结束（" + state.label() + "），不能再记录");
		}
	}

	public long id() {
		return id;
	}

	public long requestId() {
		return requestId;
	}

	public long siteId() {
		return siteId;
	}

	public int version() {
		return version;
	}

	public CallbackState state() {
		return state;
	}

	public Instant nextTryAt() {
		return nextTryAt;
	}

	public CallbackMethod method() {
		return method;
	}

	public Satisfaction satisfaction() {
		return satisfaction;
	}

	public String comment() {
		return comment;
	}

	public Long closedBy() {
		return closedBy;
	}

	public String closedByName() {
		return closedByName;
	}

	public Instant closedAt() {
		return closedAt;
	}

	/** The tries not yet saved. */
	List<CallbackAttempt> newAttempts() {
		return attempts.stream().filter(a -> a.id() == null).toList();
	}
}
