package io.kefu.callback;

/** How the customer was called back. */
public enum CallbackMethod implements Choices.Labelled {

	PHONE("电话"), VISIT("上门"), ONLINE("网上"), SMS("短信");

	private final String label;

	CallbackMethod(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** The method by its name or its Chinese label. */
	public static CallbackMethod parse(String text) {
		return Choices.parse(CallbackMethod.class, text, "method", "回访方式");
	}
}
