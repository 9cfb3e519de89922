package io.kefu.shared;

/**
 * Input that breaks a rule, with the field it concerns and a message in Chinese
 * that can be shown to the person who typed it. Nothing has been changed.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

	/** The same complaint about the field the caller knows the value by. */
	public InvalidInputException about(String callersField) {
		return new InvalidInputException(callersField, getMessage());
	}
}
