package io.kefu.security;

import io.kefu.shared.InvalidInputException;

/** A sign-in name (工号) that another account already has. */
public class UsernameTakenException extends InvalidInputException {

	public UsernameTakenException(String username) {
		super("staffNumber", "工号 " + username + " 已被使用");
	}
}
