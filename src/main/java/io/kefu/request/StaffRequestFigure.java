package io.kefu.request;

/**
 * A staff member's requests over a period, by their account: those they took on (受理,
 * registered in the period, as owner) and how many of those are handled (resolved, or
 * answered at once); the jobs they completed in the period (as assignee); the praise and
 * the complaints registered in the period that name them, the complaints by validity.
 */
public record StaffRequestFigure(long accountId, long received, long handled, long completed, long praise,
		long complaints, long validComplaints, long invalidComplaints) {

	public long undecidedComplaints() {
		return complaints - validComplaints - invalidComplaints;
	}
}
