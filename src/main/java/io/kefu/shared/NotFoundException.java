package io.kefu.shared;

/** Something that does not exist, or that lies outside the caller's sites. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}
