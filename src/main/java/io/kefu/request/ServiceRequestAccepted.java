package io.kefu.request;

import java.time.Instant;

/** The assignee took the job (接单). */
public record ServiceRequestAccepted(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, long assigneeId,
		Instant occurredAt) {
}
