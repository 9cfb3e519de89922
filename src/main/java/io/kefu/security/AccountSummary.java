package io.kefu.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An account as other modules and the staff pages see it (never the password). */
public record AccountSummary(long id, String username, String displayName, Set<Role> roles, List<Long> siteIds,
		boolean enabled, Instant lockedUntil) {
}
