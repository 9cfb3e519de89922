package io.kefu.request;

import java.time.Instant;

/**
 * What another module keeps of a request when it acts for no one (an event listener).
 * It holds the requester's phone unmasked: whoever shows it masks it for roles that
 * need not see it. {@code ownerId} and {@code assigneeId} are the accounts of its owner
 * (首问责任人) and of the person who did the work, if it was dispatched.
 */
public record RequestSnapshot(long id, long siteId, String number, RequestType type, Long categoryId,
		String categoryName, RequestStatus status, Long householdId, String requester, String phone, String place,
		String description, String result, Instant resolvedAt, long ownerId, Long assigneeId) {
}
