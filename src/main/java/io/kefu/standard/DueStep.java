package io.kefu.standard;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the explanation of a due time: a day (or a run of days) and what it
 * counted for.
 *
 * @param kind    what the days were
 * @param from    first day
 * @param to      last day (the same as {@code from} for one day)
 * @param times   the working periods counted, such as {@code 16:00–17:30}
 * @param counted working or calendar time counted on these days
 * @param day     for business-day targets: which working day this is (1, 2, 3 …), else 0
 * @param name    the holiday's or make-up day's name, if any
 */
public record DueStep(Kind kind, LocalDate from, LocalDate to, List<String> times, Duration counted, int day,
		String name) {

	public DueStep {
		times = List.copyOf(times);
	}

	public enum Kind {

		/** Working time counted (a make-up working day when it has a name). */
		WORKED,
		/** A working day counted as one of the target's business days. */
		WORKING_DAY,
		/** A public holiday: nothing counted. */
		HOLIDAY,
		/** A weekly day off (weekend): nothing counted. */
		DAY_OFF,
		/** Plain calendar time, holidays included. */
		CALENDAR_TIME,
		/** The clock time of the start, moved into the working hours of the last day. */
		CLAMPED;

		public String labelKey() {
			return "dueStep." + name();
		}
	}

	public boolean singleDay() {
		return from.equals(to);
	}

	public long hours() {
		return counted.toHours();
	}

	public int minutesPart() {
		return counted.toMinutesPart();
	}
}
