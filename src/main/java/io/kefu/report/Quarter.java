package io.kefu.report;

import java.time.LocalDate;

import io.kefu.shared.InvalidInputException;

/** A calendar quarter: {@code quarter} 1 is January to March. */
public record Quarter(int year, int quarter) {

	public Quarter {
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException("year", "年份须在 2000 至 2100 之间");
		}
		if (quarter < 1 || quarter > 4) {
			throw new InvalidInputException("quarter", "季度须为 1 至 4");
		}
	}

	/** The quarter of the parameters, each required. */
	public static Quarter of(Integer year, Integer quarter) {
		if (year == null) {
			throw new InvalidInputException("year", "请选择年份");
		}
		if (quarter == null) {
			throw new InvalidInputException("quarter", "请选择季度");
		}
		return new Quarter(year, quarter);
	}

	public static Quarter containing(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	public LocalDate from() {
		return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
	}

	public LocalDate to() {
		return from().plusMonths(3).minusDays(1);
	}

	public Quarter previous() {
		return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
	}

	public Quarter yearBefore() {
		return new Quarter(year - 1, quarter);
	}

	/** As 2026年第3季度. */
	@Override
	public String toString() {
		return year + "年第" + quarter + "季度";
	}
}
