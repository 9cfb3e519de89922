package io.kefu.standard.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.standard.CalendarException;
import io.kefu.standard.CalendarExceptionKind;
import io.kefu.standard.ScheduleProblem;

/**
 * A holiday schedule as a file: UTF-8 lines {@code date,type,name} such as
 * {@code 2027-01-01,HOLIDAY,元旦}; an optional header line, blank lines and lines starting
 * with {@code #} are skipped. Type is {@code HOLIDAY} or {@code MAKEUP_WORKDAY} (or
 * 法定节假日 / 调休上班).
 */
public final class HolidayFile {

	private HolidayFile() {
	}

	public static Parsed parse(String text) {
		List<Line> lines = new ArrayList<>();
		List<ScheduleProblem> problems = new ArrayList<>();
		Map<LocalDate, Line> seen = new HashMap<>();
		String[] rows = text.replace("\uFEFF", "").split("\r?\n|\r", -1);
		for (int i = 0; i < rows.length; i++) {
			int number = i + 1;
			String row = rows[i].strip();
			if (row.isEmpty() || row.startsWith("#") || row.toLowerCase().startsWith("date,")) {
				continue;
			}
			String[] cells = row.split("[,，]", -1);
			if (cells.length != 3) {
				problems.add(new ScheduleProblem(number, "应有三列：日期,类型,名称"));
				continue;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(cells[0].strip());
			}
			catch (DateTimeParseException ex) {
				problems.add(new ScheduleProblem(number, "日期“" + cells[0].strip() + "”无效，应写成 2027-01-01"));
				continue;
			}
			CalendarExceptionKind kind = kind(cells[1].strip());
			if (kind == null) {
				problems.add(new ScheduleProblem(number, "类型“" + cells[1].strip() + "”未知，应为 HOLIDAY 或 MAKEUP_WORKDAY"));
				continue;
			}
			String name = cells[2].strip();
			if (name.isEmpty() || name.length() > 20) {
				problems.add(new ScheduleProblem(number, "请填写节日名称（不超过 20 个字）"));
				continue;
			}
			Line line = new Line(number, date, kind, name);
			Line earlier = seen.putIfAbsent(date, line);
			if (earlier != null) {
				problems.add(new ScheduleProblem(number, earlier.kind() != kind
						? date + " 不能既是法定节假日又是调休上班日（见第 " + earlier.number() + " 行）"
						: date + " 重复（见第 " + earlier.number() + " 行）"));
				continue;
			}
			lines.add(line);
		}
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new ScheduleProblem(0, "文件中没有日期"));
		}
		return new Parsed(lines, problems);
	}

	private static CalendarExceptionKind kind(String text) {
		return switch (text.toUpperCase()) {
			case "HOLIDAY", "法定节假日", "节假日", "放假" -> CalendarExceptionKind.HOLIDAY;
			case "MAKEUP_WORKDAY", "调休上班", "补班", "上班" -> CalendarExceptionKind.MAKEUP_WORKDAY;
			default -> null;
		};
	}

	public record Parsed(List<Line> lines, List<ScheduleProblem> problems) {

		/** The lines as national exceptions. */
		public List<CalendarException> exceptions() {
			return lines.stream().map(Line::exception).toList();
		}
	}

	public record Line(int number, LocalDate date, CalendarExceptionKind kind, String name) {

		CalendarException exception() {
			return new CalendarException(date, kind, name, true);
		}

		/** A make-up working day on Monday to Friday changes nothing on an ordinary calendar: worth a look. */
		public boolean makeupOnWeekday() {
			return kind == CalendarExceptionKind.MAKEUP_WORKDAY && date.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
		}
	}
}
