package io.kefu.standard;

import java.time.Duration;
import java.time.Instant;

/** A request's clock running past its due time. */
public record OverdueClock(long clockId, long requestId, String number, ClockKind kind, Instant dueAt) {

	public Duration overdueAt(Instant now) {
		return Duration.between(dueAt, now);
	}
}
