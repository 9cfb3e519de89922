package io.kefu.request;

import java.time.Instant;

/** A request in queues and lists. */
public record ServiceRequestSummary(long id, long siteId, String number, RequestType type, String categoryName,
		Channel channel, Priority priority, boolean major, RequestStatus status, String place, String description,
		String ownerName, String assigneeName, Instant registeredAt, Instant appointment) {
}
