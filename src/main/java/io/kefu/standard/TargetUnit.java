package io.kefu.standard;

import java.time.Duration;

/** How a target is counted: in a calendar's working time, or in plain calendar time. */
public enum TargetUnit {

	BUSINESS_MINUTES(true, Duration.ofMinutes(1)),
	BUSINESS_HOURS(true, Duration.ofHours(1)),
	BUSINESS_DAYS(true, null),
	CALENDAR_MINUTES(false, Duration.ofMinutes(1)),
	CALENDAR_HOURS(false, Duration.ofHours(1)),
	CALENDAR_DAYS(false, null);

	private final boolean business;

	private final Duration length;

	TargetUnit(boolean business, Duration length) {
		this.business = business;
		this.length = length;
	}

	/** Counted in the calendar's working time rather than in calendar time. */
	public boolean business() {
		return business;
	}

	/** Counted in whole days rather than in a duration. */
	public boolean days() {
		return length == null;
	}

	Duration times(long amount) {
		return length.multipliedBy(amount);
	}

	long minutesPerUnit() {
		return length == null ? 24 * 60 : length.toMinutes();
	}

	public String labelKey() {
		return "targetUnit." + name();
	}
}
