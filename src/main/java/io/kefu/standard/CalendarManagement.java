package io.kefu.standard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.kefu.KefuApplication;
import io.kefu.standard.domain.HolidayFile;

import org.springframework.stereotype.Service;

/** TEMPORARY stand-in until feature/calendars is merged: every site on office hours. */
@Service
public class CalendarManagement {

	private final CalendarModel office;

	CalendarManagement() {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			days.put(day, "08:30-12:00,13:30-17:30");
		}
		try (InputStream in = getClass().getResourceAsStream("/standard/national-holidays.csv")) {
			office = CalendarModel.weekly(1, "标准工作日历", KefuApplication.ZONE, DayOfWeek.MONDAY,
					Map.of(LocalDate.parse("2000-01-01"), WeeklyHours.parse(days)),
					HolidayFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).exceptions());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public CalendarModel forSite(long siteId) {
		return office;
	}

	public CalendarModel model(long calendarId) {
		return office;
	}
}
