package io.kefu.shared;

/** Someone else changed the record since it was read: reload and try again. */
public class StaleDataException extends RuntimeException {

	public StaleDataException() {
		this("数据已被他人修改，请刷新后重试");
	}

	/** With what the reader should know, e.g. that a colleague already did the work. */
	public StaleDataException(String message) {
		super(message);
	}
}
