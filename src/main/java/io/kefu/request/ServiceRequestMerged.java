package io.kefu.request;

import java.time.Instant;

/** Requests were merged into one parent; each child still gets its own callback. */
public record ServiceRequestMerged(long parentId, java.util.List<Long> childIds, long siteId, Instant occurredAt) {
}
