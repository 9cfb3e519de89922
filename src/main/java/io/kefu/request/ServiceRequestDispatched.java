package io.kefu.request;

import java.time.Instant;

/** A request was dispatched (派工) to a person, with the agreed visit time. */
public record ServiceRequestDispatched(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, long assigneeId, Long departmentId, Instant appointment,
		Instant occurredAt) {
}
