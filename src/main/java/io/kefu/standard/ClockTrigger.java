package io.kefu.standard;

/** The moments of a request that start or stop its clocks. */
public enum ClockTrigger {

	REGISTERED, DISPATCHED, ACCEPTED, ARRIVED, PAUSED, FOLLOWED_UP, COMPLETED, RESOLVED, CLOSED,
	/** The first rainy day recorded for the site after the work was completed (渗漏水 callbacks). */
	FIRST_RAINY_DAY;

	/** Whether it happens in the field work after dispatch, so that its clocks are the assignee's to keep. */
	public boolean fieldWork() {
		return this == DISPATCHED || this == ACCEPTED || this == ARRIVED || this == PAUSED || this == FOLLOWED_UP;
	}
}
