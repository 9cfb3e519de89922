package io.kefu.shared;

/** Someone else changed the record since it was read: reload and try again. */
public class StaleDataException extends RuntimeException {

	public StaleDataException() {
		super("数据已被他人修改，请刷新后重试");
	}
}
