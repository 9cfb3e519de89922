package io.kefu.standard.clock;

import java.time.Duration;
import java.time.Instant;

import io.kefu.standard.CalendarModel;
import io.kefu.standard.Target;

/**
 * When a running clock warns and falls due, counted on its calendar: in working time
 * for business targets, in plain time otherwise. Pausing keeps what was left of each;
 * resuming counts it again from the moment of resuming.
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

	/** What is left of the warning and of the target at the moment of pausing. */
	Remaining remainingAt(Instant pausedAt, boolean business, CalendarModel calendar) {
		return new Remaining(measure(pausedAt, warnAt, business, calendar), measure(pausedAt, dueAt, business, calendar));
	}

	/** The clock counts again from {@code resumedAt} with what was left when it paused. */
	static ClockTimes resume(Instant resumedAt, Remaining remaining, boolean business, CalendarModel calendar) {
		return new ClockTimes(add(resumedAt, remaining.untilWarning(), business, calendar),
				add(resumedAt, remaining.untilDue(), business, calendar));
	}

	/** Time left at a pause; zero for what had already passed. */
	record Remaining(Duration untilWarning, Duration untilDue) {
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
