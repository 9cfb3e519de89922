package io.kefu.standard;

import java.time.DayOfWeek;

import io.kefu.shared.InvalidInputException;

/**
 * A stretch of working time on a weekday, in minutes from midnight; the end may be
 * 1440 (24:00) for a period that runs to midnight.
 */
public record WorkingPeriod(DayOfWeek weekday, int startMinute, int endMinute) {

	private static final String[] DAY_NAMES = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

	public WorkingPeriod {
		if (weekday == null) {
			throw new InvalidInputException("periods", "请选择时段所在的星期");
		}
		if (startMinute < 0 || endMinute > 1440 || startMinute >= 1440) {
			throw new InvalidInputException("periods", dayName(weekday) + "的时段须在 00:00 至 24:00 之间");
		}
		if (endMinute <= startMinute) {
			throw new InvalidInputException("periods", dayName(weekday) + "的时段 " + clock(startMinute) + "–"
					+ clock(endMinute) + " 结束时间不晚于开始时间");
		}
	}

	/** A period from texts such as {@code 08:30} and {@code 12:00} ({@code 24:00} allowed as the end). */
	public static WorkingPeriod parse(DayOfWeek weekday, String start, String end) {
		return new WorkingPeriod(weekday, minutes(weekday, start), minutes(weekday, end));
	}

	public int minutes() {
		return endMinute - startMinute;
	}

	public boolean overlaps(WorkingPeriod other) {
		return weekday == other.weekday && startMinute < other.endMinute && other.startMinute < endMinute;
	}

	@Override
	public String toString() {
		return clock(startMinute) + "-" + clock(endMinute);
	}

	public String start() {
		return clock(startMinute);
	}

	public String end() {
		return clock(endMinute);
	}

	public static String dayName(DayOfWeek weekday) {
		return DAY_NAMES[weekday.getValue() - 1];
	}

	/** {@code 08:30} for 510; {@code 24:00} for 1440. */
	public static String clock(int minute) {
		return String.format("%02d:%02d", minute / 60, minute % 60);
	}

	private static int minutes(DayOfWeek weekday, String text) {
		String value = text == null ? "" : text.strip().replace('：', ':');
		int colon = value.indexOf(':');
		try {
			int hour = Integer.parseInt(colon < 0 ? value : value.substring(0, colon));
			int minute = colon < 0 ? 0 : Integer.parseInt(value.substring(colon + 1));
			if (hour >= 0 && minute >= 0 && minute < 60 && hour * 60 + minute <= 1440) {
				return hour * 60 + minute;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidInputException("periods", dayName(weekday) + "的时间“" + value + "”无效，应写成 08:30 这样的时刻");
	}
}
