package io.kefu.security.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The text of a personal API token: {@code kefu_} and 32 random bytes in Base64url,
 * so that logs and secret scanners recognise it. Only its SHA-256 is stored; a
 * random 256-bit token needs no salt or slow hash, and the lookup stays one index
 * probe instead of a BCrypt check per API call.
 */
public final class ApiTokenSecret {

	public static final String PREFIX = "kefu_";

	/** The prefix and this many characters are kept to show the token in lists. */
	static final int SHOWN_CHARACTERS = PREFIX.length() + 8;

	private static final Pattern FORMAT = Pattern.compile("kefu_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiTokenSecret() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static boolean isWellFormed(String token) {
		return token != null && FORMAT.matcher(token).matches();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	static String shownPart(String token) {
		return token.substring(0, SHOWN_CHARACTERS);
	}
}
