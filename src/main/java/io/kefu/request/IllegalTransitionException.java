package io.kefu.request;

import io.kefu.shared.InvalidInputException;

/** An action the request's current state does not allow; nothing was changed. */
public class IllegalTransitionException extends InvalidInputException {

	public IllegalTransitionException(String message) {
		super("status", message);
	}
}
