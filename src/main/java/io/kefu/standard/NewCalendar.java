package io.kefu.standard;

import java.time.DayOfWeek;

/**
 * A calendar to create: a 24-hour one ({@code alwaysOpen}, no hours) or one of weekly
 * hours that apply from the start.
 */
public record NewCalendar(String name, boolean alwaysOpen, boolean followsNationalHolidays, DayOfWeek makeupWeekday,
		WeeklyHours hours) {
}
