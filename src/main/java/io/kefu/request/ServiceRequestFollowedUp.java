package io.kefu.request;

import java.time.Instant;

/** A daily follow-up note (每日跟踪) was written on work under way. */
public record ServiceRequestFollowedUp(long requestId, long siteId, long authorId, Instant occurredAt) {
}
