package io.kefu.standard;

import java.time.Instant;

/** A request's clock met: it stopped in time. */
public record ClockMet(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt, Instant occurredAt) {
}
