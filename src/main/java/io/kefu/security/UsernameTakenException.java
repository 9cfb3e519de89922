package io.kefu.security;

/** A sign-in name (工号) that another account already has. */
public class UsernameTakenException extends RuntimeException {

	public UsernameTakenException(String username) {
		super("工号 " + username + " 已被使用");
	}
}
