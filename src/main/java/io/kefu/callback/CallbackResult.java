package io.kefu.callback;

/** What came of one try to reach the customer. */
public enum CallbackResult implements Choices.Labelled {

	REACHED("接通"), NO_ANSWER("未接通"), REFUSED("拒访"), INVALID_NUMBER("空号"),
	/** The customer asked for another time: not a failure. */
	RESCHEDULED("改约");

	private final String label;

	CallbackResult(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** A try that counts towards giving up on the customer. */
	public boolean failed() {
		return this == NO_ANSWER || this == REFUSED || this == INVALID_NUMBER;
	}

	public static CallbackResult parse(String text) {
		return Choices.parse(CallbackResult.class, text, "result", "回访结果");
	}
}
