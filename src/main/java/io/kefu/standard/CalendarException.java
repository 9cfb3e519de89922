package io.kefu.standard;

import java.time.LocalDate;

/**
 * One dated exception to a calendar's weekly hours (not a {@link Throwable}: the word
 * is the calendar's). {@code national} when it comes from the State Council's schedule
 * rather than from the calendar itself.
 */
public record CalendarException(LocalDate date, CalendarExceptionKind kind, String name, boolean national) {

	public boolean isHoliday() {
		return kind == CalendarExceptionKind.HOLIDAY;
	}
}
