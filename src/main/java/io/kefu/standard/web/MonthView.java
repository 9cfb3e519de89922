package io.kefu.standard.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.kefu.standard.CalendarException;
import io.kefu.standard.CalendarModel;

/** A month of a calendar as a grid of weeks, Monday first, for the administrator's page. */
public record MonthView(YearMonth month, List<List<Day>> weeks) {

	static MonthView of(CalendarModel calendar, YearMonth month) {
		LocalDate first = month.atDay(1);
		LocalDate day = first.minusDays(first.getDayOfWeek().getValue() - 1L);
		List<List<Day>> weeks = new ArrayList<>();
		while (!day.isAfter(month.atEndOfMonth())) {
			List<Day> week = new ArrayList<>();
			for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
				week.add(Day.of(calendar, day, YearMonth.from(day).equals(month)));
			}
			weeks.add(week);
		}
		return new MonthView(month, weeks);
	}

	public YearMonth previous() {
		return month.minusMonths(1);
	}

	public YearMonth next() {
		return month.plusMonths(1);
	}

	/**
	 * @param kind    {@code workday}, {@code day-off}, {@code holiday} or {@code makeup}: the cell's colour
	 * @param name    the holiday's name
	 * @param periods the working periods
	 */
	public record Day(LocalDate date, boolean inMonth, String kind, String name, boolean national, List<String> periods) {

		static Day of(CalendarModel calendar, LocalDate date, boolean inMonth) {
			CalendarException exception = calendar.exceptionOn(date).orElse(null);
			String kind = exception != null ? (exception.isHoliday() ? "holiday" : "makeup")
					: calendar.isWorkingDay(date) ? "workday" : "day-off";
			return new Day(date, inMonth, kind, exception == null ? null : exception.name(),
					exception != null && exception.national(), calendar.periodsOn(date));
		}

		public boolean weekend() {
			return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		}
	}
}
