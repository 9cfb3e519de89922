package io.kefu.standard;

import java.time.Duration;
import java.time.Instant;

import io.kefu.shared.InvalidInputException;

/**
 * A time limit such as 1 business hour, 3 business days or 48 calendar hours. Its due
 * time depends on the calendar it runs on and the instant it starts.
 */
public record Target(long amount, TargetUnit unit) {

	/** Ten years in minutes: far beyond any service standard, well within {@link Duration}'s nanoseconds. */
	private static final long MAX_MINUTES = 10L * 366 * 24 * 60;

	public Target {
		if (unit == null) {
			throw new InvalidInputException("unit", "请选择时限的单位");
		}
		if (amount <= 0) {
			throw new InvalidInputException("amount", "时限必须大于零");
		}
		if (amount > MAX_MINUTES / unit.minutesPerUnit()) {
			throw new InvalidInputException("amount", "时限不能超过十年");
		}
	}

	public static Target businessHours(long hours) {
		return new Target(hours, TargetUnit.BUSINESS_HOURS);
	}

	public static Target businessDays(long days) {
		return new Target(days, TargetUnit.BUSINESS_DAYS);
	}

	public static Target calendarHours(long hours) {
		return new Target(hours, TargetUnit.CALENDAR_HOURS);
	}

	/** The due time of a clock started at {@code start} on {@code calendar}. */
	public Instant dueFrom(Instant start, CalendarModel calendar) {
		return calendar.due(start, this);
	}

	/** The length of a minute or hour target; not defined for day targets. */
	public Duration duration() {
		if (unit.days()) {
			throw new IllegalStateException(unit + " has no fixed length");
		}
		return unit.times(amount);
	}
}
