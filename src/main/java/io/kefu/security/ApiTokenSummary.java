package io.kefu.security;

import java.time.Instant;

/**
 * A personal API token as its owner sees it in a list: never the token, only its
 * first characters ({@code prefix}) to recognise it.
 */
public record ApiTokenSummary(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant expiresAt, Instant revokedAt, State state) {

	public enum State {

		ACTIVE, EXPIRED, REVOKED;

		/** The message key of the state's name on pages. */
		public String labelKey() {
			return "apiToken.state." + name();
		}
	}
}
