package io.kefu.shared;

/** The five levels of satisfaction, best first: 非常满意, 满意, 一般, 不满意, 非常不满意. */
public enum Satisfaction {

	VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED, VERY_DISSATISFIED;

	/** Counted as satisfied in a satisfaction rate: (非常满意 + 满意) / answered. */
	public boolean satisfied() {
		return this == VERY_SATISFIED || this == SATISFIED;
	}

	public String labelKey() {
		return "satisfaction." + name();
	}
}
