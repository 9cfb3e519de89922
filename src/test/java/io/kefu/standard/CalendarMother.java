package io.kefu.standard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.kefu.standard.domain.HolidayFile;

/** Calendars for tests, on the national schedule Kefu ships. */
public final class CalendarMother {

	private CalendarMother() {
	}

	/** Monday to Friday with the periods given, following the national schedule. */
	public static CalendarModel office(String periods) {
		return office(periods, true);
	}

	public static CalendarModel office(String periods, boolean national) {
		return CalendarModel.weekly(1, "测试日历", ZoneId.of("Asia/Shanghai"), DayOfWeek.MONDAY,
				Map.of(LocalDate.parse("2000-01-01"), weekdays(periods)), national ? nationalSchedule() : List.of());
	}

	public static WeeklyHours weekdays(String periods) {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			days.put(day, periods);
		}
		return WeeklyHours.parse(days);
	}

	public static List<CalendarException> nationalSchedule() {
		try (InputStream in = CalendarMother.class.getResourceAsStream("/standard/national-holidays.csv")) {
			return HolidayFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).exceptions();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
