package io.kefu.standard;

import java.time.DayOfWeek;

/**
 * A business calendar as lists show it.
 *
 * @param makeupWeekday whose hours a make-up working day (调休上班) works
 * @param sites         how many sites are assigned this calendar (the default also serves the rest)
 */
public record CalendarSummary(long id, String name, boolean alwaysOpen, boolean followsNationalHolidays,
		DayOfWeek makeupWeekday, boolean isDefault, int version, int sites) {

	public String makeupDayName() {
		return WorkingPeriod.dayName(makeupWeekday);
	}
}
