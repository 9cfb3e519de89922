package io.kefu.request;

import java.time.Instant;

/** A resolved or closed request was reopened (重新派工), with the reason. */
public record ServiceRequestReopened(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, String reason,
		Instant occurredAt) {
}
