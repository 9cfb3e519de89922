package io.kefu.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

import io.kefu.shared.InvalidInputException;

/** The days a report covers, {@code from} to {@code to}, both included; at most two years. */
public record ReportPeriod(LocalDate from, LocalDate to) {

	public ReportPeriod {
		if (from == null || to == null) {
			throw new InvalidInputException("from", "请选择开始和结束日期");
		}
		if (from.isAfter(to)) {
			throw new InvalidInputException("from", "开始日期不能晚于结束日期");
		}
		if (!to.isBefore(from.plusYears(2))) {
			throw new InvalidInputException("to", "统计期间不能超过两年");
		}
	}

	/** The day, week (Monday to Sunday), month or quarter containing {@code day}, or the custom dates. */
	public static ReportPeriod of(PeriodKind kind, LocalDate day, LocalDate from, LocalDate to) {
		return switch (kind) {
			case DAY -> new ReportPeriod(day, day);
			case WEEK -> {
				LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				yield new ReportPeriod(monday, monday.plusDays(6));
			}
			case MONTH -> month(YearMonth.from(day));
			case QUARTER -> {
				LocalDate first = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
				yield new ReportPeriod(first, first.plusMonths(3).minusDays(1));
			}
			case CUSTOM -> new ReportPeriod(from, to);
		};
	}

	public static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
	}

	/** A month written as 2026-11. */
	public static YearMonth parseMonth(String text) {
		try {
			return YearMonth.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("month", "月份格式不正确，请按 2026-11 的格式填写");
		}
	}
}
