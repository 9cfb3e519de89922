package io.kefu.survey;

import java.math.BigDecimal;

/**
 * The figures of one question, section or building, with the satisfaction rate of the
 * same one in the site's previous wave beside them.
 *
 * @param previousRate {@code null} when there is no previous wave or it had no answer there
 */
public record ResultRow(String key, String label, LevelCounts counts, BigDecimal previousRate) {

	public BigDecimal rate() {
		return counts.rate();
	}

	/** Percentage points gained since the previous wave, {@code null} when either rate is missing. */
	public BigDecimal change() {
		return rate() == null || previousRate == null ? null : rate().subtract(previousRate);
	}
}
