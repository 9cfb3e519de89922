package io.kefu.callback;

import java.time.Instant;

import io.kefu.request.RequestType;
import io.kefu.shared.Satisfaction;

/**
 * A row of the callback queue: the callback and what the agent needs of its request; once
 * finished, the customer's satisfaction (when reached) and who finished it.
 */
public record CallbackSummary(long id, long requestId, long siteId, String number, RequestType type,
		String categoryName, String place, String requester, String phone, String result, Instant resolvedAt,
		Instant dueAt, boolean waitingForRain, Instant nextTryAt, int attempts, CallbackState state,
		Satisfaction satisfaction, String closedByName, int version) {

	public boolean overdue(Instant now) {
		return state == CallbackState.OPEN && dueAt != null && dueAt.isBefore(now);
	}
}
