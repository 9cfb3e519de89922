package io.kefu.request;

import java.time.Instant;

/**
 * What another module keeps of a request when it acts for no one (an event listener).
 * It holds the requester's phone unmasked: whoever shows it masks it for roles that
 * need not see it.
 */
public record RequestSnapshot(long id, long siteId, String number, RequestType type, Long categoryId,
		String categoryName, RequestStatus status, Long householdId, String requester, String phone, String place,
		String description, String result, Instant resolvedAt) {
}
