package io.kefu.standard;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock of a list behind an on-time figure, with its request's number and its
 * standard's name; {@code late} is how far a breached clock ran past its due time
 * (until it stopped, or until now), null for the others.
 */
public record ClockListItem(long clockId, long requestId, String number, long siteId, long standardId,
		String standardName, ClockKind kind, ClockState state, Instant startedAt, Instant dueAt, Instant stoppedAt,
		Duration late) {
}
