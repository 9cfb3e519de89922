package io.kefu.request;

import java.time.Instant;

/** The work is done (完工); the completion and callback clocks start. */
public record ServiceRequestCompleted(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, long assigneeId,
		Instant occurredAt) {
}
