package io.kefu.request;

import java.time.Instant;

/** The assignee arrived on site (到场). */
public record ServiceRequestArrived(long requestId, long siteId, long assigneeId, Instant occurredAt) {
}
