package io.kefu.directory.domain;

import java.util.Arrays;

import io.kefu.security.CurrentUser;
import io.kefu.security.Role;

import org.springframework.security.access.AccessDeniedException;

/** Which roles may change which part of the directory. */
final class Permissions {

	static final Role[] PLACES = { Role.ADMINISTRATOR };

	static final Role[] HOUSEHOLDS = { Role.ADMINISTRATOR, Role.AGENT, Role.SUPERVISOR, Role.SITE_MANAGER,
			Role.CLERK };

	static final Role[] STAFF = { Role.ADMINISTRATOR };

	static final Role[] AUDIT = { Role.ADMINISTRATOR, Role.SUPERVISOR, Role.SITE_MANAGER };

	private Permissions() {
	}

	static void require(CurrentUser user, Role... roles) {
		if (Arrays.stream(roles).noneMatch(user::hasRole)) {
			throw new AccessDeniedException("role");
		}
	}
}
