package io.kefu.request;

import java.time.Instant;

/** Field work waits on the customer or on parts: clocks pause. */
public record ServiceRequestPaused(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, PauseReason reason,
		Instant occurredAt) {
}
