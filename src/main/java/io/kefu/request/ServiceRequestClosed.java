package io.kefu.request;

import java.time.Instant;

/** A request was closed and archived (归档). */
public record ServiceRequestClosed(long requestId, long siteId, String number, Instant occurredAt) {
}
