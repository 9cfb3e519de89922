package io.kefu.directory;

import java.util.List;
import java.util.Set;

import io.kefu.security.Role;

public record StaffSummary(long id, long accountId, String staffNumber, String name, Set<Role> roles,
		List<Long> siteIds, Long departmentId, String departmentName, String phone, Long backupId, String backupName,
		boolean enabled, boolean onLeave) {
}
