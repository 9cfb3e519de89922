package io.kefu.standard;

import java.time.Instant;

/**
 * A running clock's due time moved: it resumed after a pause, or its standard or
 * calendar changed ({@code dueAt} null: the clock no longer counts).
 */
public record ClockRescheduled(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt,
		Instant occurredAt) {
}
