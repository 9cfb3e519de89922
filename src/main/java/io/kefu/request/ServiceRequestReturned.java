package io.kefu.request;

import java.time.Instant;

/** The assignee gave the job back (退单), with the reason. */
public record ServiceRequestReturned(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, long assigneeId, String reason,
		Instant occurredAt) {
}
