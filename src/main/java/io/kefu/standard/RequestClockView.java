package io.kefu.standard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A request's clock as the request page and the queues show it. */
public record RequestClockView(long id, long requestId, ClockKind kind, ClockState state, boolean warned,
		Instant startedAt, Instant dueAt, Instant stoppedAt, Instant waitingUntil, Duration paused,
		List<ClockChange> changes) {

	/** A standard or calendar change that moved the clock's due time (kept on the clock). */
	public record ClockChange(Instant changedAt, String reason, Instant oldDueAt, Instant newDueAt) {
	}

	/** Time left until the due time (negative when overdue); none when not running. */
	public Duration left(Instant now) {
		return state == ClockState.RUNNING || (state == ClockState.BREACHED && stoppedAt == null)
				? Duration.between(now, dueAt) : null;
	}

	/** The badge's colour: red when breached, amber after the warning, green while in time, grey otherwise. */
	public String colour() {
		return switch (state) {
			case BREACHED -> "danger";
			case RUNNING -> warned ? "warning" : "success";
			case PAUSED, WAITING -> "info";
			case MET, CANCELLED -> "secondary";
		};
	}

	public boolean active() {
		return state.active() || (state == ClockState.BREACHED && stoppedAt == null);
	}
}
