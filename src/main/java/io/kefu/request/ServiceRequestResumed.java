package io.kefu.request;

import java.time.Instant;

/** Field work goes on: clocks run again. */
public record ServiceRequestResumed(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, long assigneeId,
		Instant occurredAt) {
}
