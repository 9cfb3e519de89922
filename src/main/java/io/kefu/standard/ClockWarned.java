package io.kefu.standard;

import java.time.Instant;

/** A clock of a request warned: most of its time has gone. */
public record ClockWarned(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt, Instant occurredAt) {
}
