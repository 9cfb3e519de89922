package io.kefu.standard.clock;

import java.time.Duration;
import java.time.Instant;

import io.kefu.standard.CalendarModel;
import io.kefu.standard.Target;

/**
 * When a running clock warns and falls due, counted on its calendar: in working time
 * for business targets, in plain time otherwise. The time a clock is paused does not
 * count: resuming moves both times on by it.
 */
record ClockTimes(Instant warnAt, Instant dueAt) {

	/**
	 * A clock started at {@code start}: due after the target, or at the agreed time when
	 * there is one; it warns when {@code warnPercent} of its time has gone.
	 */
	static ClockTimes start(Instant start, Target target, Instant agreedTime, int warnPercent, CalendarModel calendar) {
		Instant due = agreedTime != null ? agreedTime : target.dueFrom(start, calendar);
		boolean business = target.unit().business() && !calendar.isAlwaysOpen();
		if (!due.isAfter(start)) {
			return new ClockTimes(due, due);
		}
		Duration length = measure(start, due, business, calendar);
		Duration untilWarning = length.multipliedBy(warnPercent).dividedBy(100);
		return new ClockTimes(add(start, untilWarning, business, calendar), due);
	}

	/**
	 * The clock counts again after a pause: its warning and due time move on by the time
	 * that would have counted while it was paused (on a business calendar, only the
	 * working time; a pause overnight moves nothing).
	 */
	ClockTimes resumed(Instant pausedAt, Instant resumedAt, boolean business, CalendarModel calendar) {
		Duration paused = measure(pausedAt, resumedAt, business, calendar);
		return new ClockTimes(add(warnAt, paused, business, calendar), add(dueAt, paused, business, calendar));
	}

	private static Duration measure(Instant from, Instant to, boolean business, CalendarModel calendar) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		return business ? calendar.businessTimeBetween(from, to) : Duration.between(from, to);
	}

	private static Instant add(Instant from, Duration length, boolean business, CalendarModel calendar) {
		if (length.isZero()) {
			return from;
		}
		return business ? calendar.addBusinessTime(from, length) : from.plus(length);
	}
}
