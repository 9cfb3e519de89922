package io.kefu.request;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How long an open request has waited, in whole days since the day it was registered
 * (China Standard Time): from {@code minDays} up to, not including, {@code maxDays}.
 */
public enum AgeBucket {

	UNDER_1_DAY(0, 1), DAYS_1_TO_3(1, 3), DAYS_3_TO_7(3, 7), DAYS_7_TO_30(7, 30), OVER_30_DAYS(30, null);

	private final int minDays;

	private final Integer maxDays;

	AgeBucket(int minDays, Integer maxDays) {
		this.minDays = minDays;
		this.maxDays = maxDays;
	}

	/** The first registration day of the bucket seen on {@code today}; null when it has no end. */
	public LocalDate firstDay(LocalDate today) {
		return maxDays == null ? null : today.minusDays(maxDays - 1);
	}

	public LocalDate lastDay(LocalDate today) {
		return today.minusDays(minDays);
	}

	/** The SQL that numbers a request's bucket by its position, given its age in days. */
	static String sqlCase(String ageInDays) {
		return Arrays.stream(values())
			.filter(b -> b.maxDays != null)
			.map(b -> " when " + ageInDays + " < " + b.maxDays + " then " + b.ordinal())
			.collect(Collectors.joining("", "(case", " else " + OVER_30_DAYS.ordinal() + " end)"));
	}
}
