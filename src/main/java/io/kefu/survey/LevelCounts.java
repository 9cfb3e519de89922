package io.kefu.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

import io.kefu.shared.Satisfaction;

/** How many answers gave each of the five levels. */
public record LevelCounts(long verySatisfied, long satisfied, long neutral, long dissatisfied,
		long veryDissatisfied) {

	public static final LevelCounts NONE = new LevelCounts(0, 0, 0, 0, 0);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public static LevelCounts of(Map<Satisfaction, Long> counts) {
		return new LevelCounts(counts.getOrDefault(Satisfaction.VERY_SATISFIED, 0L),
				counts.getOrDefault(Satisfaction.SATISFIED, 0L), counts.getOrDefault(Satisfaction.NEUTRAL, 0L),
				counts.getOrDefault(Satisfaction.DISSATISFIED, 0L),
				counts.getOrDefault(Satisfaction.VERY_DISSATISFIED, 0L));
	}

	public long count(Satisfaction level) {
		return switch (level) {
			case VERY_SATISFIED -> verySatisfied;
			case SATISFIED -> satisfied;
			case NEUTRAL -> neutral;
			case DISSATISFIED -> dissatisfied;
			case VERY_DISSATISFIED -> veryDissatisfied;
		};
	}

	public LevelCounts plus(LevelCounts other) {
		Map<Satisfaction, Long> sum = new EnumMap<>(Satisfaction.class);
		for (Satisfaction level : Satisfaction.values()) {
			sum.put(level, count(level) + other.count(level));
		}
		return of(sum);
	}

	public long answered() {
		return verySatisfied + satisfied + neutral + dissatisfied + veryDissatisfied;
	}

	/** (非常满意 + 满意) / answered in percent with one decimal, {@code null} when nobody answered. */
	public BigDecimal rate() {
		if (answered() == 0) {
			return null;
		}
		return BigDecimal.valueOf((verySatisfied + satisfied) * 100L)
			.divide(BigDecimal.valueOf(answered()), 1, RoundingMode.HALF_UP);
	}

	/** A level's share of the answers in percent with one decimal, {@code null} when nobody answered. */
	public BigDecimal share(Satisfaction level) {
		if (answered() == 0) {
			return null;
		}
		return BigDecimal.valueOf(count(level)).multiply(HUNDRED).divide(BigDecimal.valueOf(answered()), 1,
				RoundingMode.HALF_UP);
	}
}
