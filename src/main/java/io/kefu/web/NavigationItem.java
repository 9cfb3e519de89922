package io.kefu.web;

import java.util.Set;

import io.kefu.security.CurrentUser;
import io.kefu.security.Role;

/**
 * A link in the main navigation, contributed by a module as a bean.
 *
 * @param order    position, lower first
 * @param labelKey message key of the label
 * @param path     where it leads
 * @param roles    who sees it; empty for everyone signed in
 * @param setting  whether it belongs in the settings menu (管理) rather than the main bar
 */
public record NavigationItem(int order, String labelKey, String path, Set<Role> roles, boolean setting) {

	/** A link in the main bar. */
	public NavigationItem(int order, String labelKey, String path, Set<Role> roles) {
		this(order, labelKey, path, roles, false);
	}

	/** A link in the settings menu (管理): what administrators set up rather than daily work. */
	public static NavigationItem setting(int order, String labelKey, String path, Set<Role> roles) {
		return new NavigationItem(order, labelKey, path, roles, true);
	}

	public boolean visibleTo(CurrentUser user) {
		return user != null && (roles.isEmpty() || roles.stream().anyMatch(user::hasRole));
	}
}
