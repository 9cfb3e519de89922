package io.kefu.security;

import java.util.List;
import java.util.Set;

/**
 * The signed-in staff member, read afresh for every request so that a change of
 * roles or sites applies at once. Every query of site data takes
 * {@link #siteIds()} as its scope.
 */
public record CurrentUser(long accountId, String username, String displayName, Set<Role> roles, List<Long> siteIds) {

	public CurrentUser {
		roles = Set.copyOf(roles);
		siteIds = List.copyOf(siteIds);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isAdministrator() {
		return hasRole(Role.ADMINISTRATOR);
	}

	public boolean canSee(long siteId) {
		return siteIds.contains(siteId);
	}

	/** The scope as a SQL array parameter: {@code site_id = any(:sites)}. */
	public Long[] sites() {
		return siteIds.toArray(Long[]::new);
	}

	/**
	 * The scope narrowed to one site when one is given: that site if the user may see
	 * it, else none. One plain {@code site_id = any(:sites)} keeps the site index usable
	 * in PostgreSQL's generic plans.
	 */
	public Long[] sites(Long only) {
		if (only == null) {
			return sites();
		}
		return canSee(only) ? new Long[] { only } : new Long[0];
	}

	public boolean seesPersonalData() {
		return roles.stream().anyMatch(Role::seesPersonalData);
	}
}
