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
 */
public record NavigationItem(int order, String labelKey, String path, Set<Role> roles) {

	public boolean visibleTo(CurrentUser user) {
		return user != null && (roles.isEmpty() || roles.stream().anyMatch(user::hasRole));
	}
}
