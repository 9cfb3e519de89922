package io.kefu.standard;

/** Where a clock stands. A breached clock stays breached when it stops. */
public enum ClockState {

	/** Waiting for its start, e.g. the first rainy day after a leak repair. */
	WAITING,
	RUNNING,
	PAUSED,
	/** Stopped in time. */
	MET,
	/** Past its due time, running or stopped. */
	BREACHED,
	/** No longer measured: the request was merged, reassigned or reopened before it stopped. */
	CANCELLED;

	public boolean active() {
		return this == WAITING || this == RUNNING || this == PAUSED;
	}

	/** The message key of its name on pages. */
	public String labelKey() {
		return switch (this) {
			case WAITING -> "clocks.waiting";
			case RUNNING -> "clocks.running";
			case PAUSED -> "clocks.paused";
			case MET -> "clocks.met";
			case BREACHED -> "clocks.late";
			case CANCELLED -> "clocks.cancelled";
		};
	}
}
