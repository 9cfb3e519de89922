package io.kefu.directory;

import java.util.List;
import java.util.Set;

import io.kefu.security.Role;

/** A staff member as typed by an administrator; not yet checked. */
public record StaffInput(String staffNumber, String name, Set<Role> roles, List<Long> siteIds, Long departmentId,
		String phone, Long backupId, Boolean enabled) {

	/** A staff member is enabled unless the administrator said otherwise. */
	public boolean isEnabled() {
		return enabled == null || enabled;
	}
}
