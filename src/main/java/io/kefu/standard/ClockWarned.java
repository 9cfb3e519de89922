package io.kefu.standard;

import java.time.Instant;

/** A request's clock warned: most of its time has gone. */
public record ClockWarned(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt, Instant occurredAt) {
}
