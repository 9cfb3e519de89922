package io.kefu.standard;

import java.time.Instant;

/** A clock of a request met its standard: it stopped in time. */
public record ClockMet(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt, Instant occurredAt) {
}
