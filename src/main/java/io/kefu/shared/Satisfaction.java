package io.kefu.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five levels of satisfaction, best first: 非常满意, 满意, 一般, 不满意, 非常不满意. */
public enum Satisfaction {

	VERY_SATISFIED("非常满意"), SATISFIED("满意"), NEUTRAL("一般"), DISSATISFIED("不满意"), VERY_DISSATISFIED("非常不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Counted as satisfied in a satisfaction rate: (非常满意 + 满意) / answered. */
	public boolean satisfied() {
		return this == VERY_SATISFIED || this == SATISFIED;
	}

	/** Not satisfied: the work is done again (重新派工). */
	public boolean dissatisfied() {
		return this == DISSATISFIED || this == VERY_DISSATISFIED;
	}

	public String labelKey() {
		return "satisfaction." + name();
	}

	/** The level named in {@code text}, by its code or its Chinese name; anything else is refused in Chinese. */
	public static Satisfaction parse(String text) {
		if (text != null) {
			for (Satisfaction level : values()) {
				if (level.name().equalsIgnoreCase(text.strip()) || level.label.equals(text.strip())) {
					return level;
				}
			}
		}
		throw new InvalidInputException("satisfaction", "满意度只能是："
				+ Arrays.stream(values()).map(Satisfaction::label).collect(Collectors.joining("、")));
	}
}
