package io.kefu.callback;

/** The customer's satisfaction (满意度), on five levels. */
public enum Satisfaction implements Choices.Labelled {

	VERY_SATISFIED("非常满意"), SATISFIED("满意"), NEUTRAL("一般"), DISSATISFIED("不满意"), VERY_DISSATISFIED("非常不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** Counted in the satisfaction rate. */
	public boolean satisfied() {
		return this == VERY_SATISFIED || this == SATISFIED;
	}

	/** The request is worked again (重新派工). */
	public boolean dissatisfied() {
		return this == DISSATISFIED || this == VERY_DISSATISFIED;
	}

	public static Satisfaction parse(String text) {
		return Choices.parse(Satisfaction.class, text, "satisfaction", "满意度");
	}
}
