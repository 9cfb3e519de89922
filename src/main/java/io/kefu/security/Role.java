package io.kefu.security;

/** A staff member's job in Kefu (岗位); a person may hold several. */
public enum Role {

	AGENT, SUPERVISOR, SITE_MANAGER, TECHNICIAN, CLERK, SECURITY, QUALITY, EXECUTIVE, ADMINISTRATOR;

	/** The message key of the role's name on pages. */
	public String labelKey() {
		return "role." + name();
	}

	/**
	 * Roles whose daily work needs full phone and ID numbers of residents; every
	 * other role sees them masked.
	 */
	public boolean seesPersonalData() {
		return switch (this) {
			case AGENT, SUPERVISOR, SITE_MANAGER, CLERK, ADMINISTRATOR -> true;
			default -> false;
		};
	}
}
