package io.kefu.standard;

import java.time.Instant;

/** A clock of a request breached: its due time passed while it ran. */
public record ClockBreached(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt, Instant occurredAt) {
}
