package io.kefu.request;

import java.time.Instant;

/** The request was resolved (办结); its callback falls due by the standard. */
public record ServiceRequestResolved(long requestId, long siteId, RequestType type, Long categoryId, Priority priority, boolean major,
		Instant occurredAt) {
}
