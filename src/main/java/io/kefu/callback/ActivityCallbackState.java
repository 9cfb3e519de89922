package io.kefu.callback;

/** Where the callback of an activity's participant stands. */
public enum ActivityCallbackState {

	OPEN("待回访"), COMPLETED("已回访"), UNREACHABLE("无法联系");

	private final String label;

	ActivityCallbackState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
