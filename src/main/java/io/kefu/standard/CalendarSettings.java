package io.kefu.standard;

import java.time.DayOfWeek;

/** What can change on a calendar besides its hours and exceptions. */
public record CalendarSettings(String name, boolean followsNationalHolidays, DayOfWeek makeupWeekday) {
}
