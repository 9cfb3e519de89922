package io.kefu.callback;

/** Where a callback stands. */
public enum CallbackState {

	OPEN("待回访"),
	/** The customer was reached and gave their satisfaction. */
	COMPLETED("已回访"),
	/** Given up after the failed tries the settings allow; the request was archived so. */
	UNREACHABLE("无法联系"),
	/** The request was reopened before the callback; the next resolution brings a new one. */
	WITHDRAWN("已撤回"),
	/** The request was archived without its callback. */
	MISSED("未回访归档");

	private final String label;

	CallbackState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
