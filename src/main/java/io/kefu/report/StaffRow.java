package io.kefu.report;

import java.util.Set;

import io.kefu.security.Role;

/**
 * One staff member's figures over a period, on the sheet of their group. The requests
 * they took on (受理) and of those the ones handled (办结); the jobs they completed (完工);
 * their clocks met and breached, and the rate met of those (按时率); the callbacks they
 * made and reached the customer (回访完成); the customers reached about the requests they
 * owned (agents) or did the work of (technicians), and the rate satisfied of those
 * (满意率); the praise (表扬) and the complaints (被投诉) that named them, the complaints by
 * validity. Rates are in percent, null when there is nothing to rate. A staff member the
 * user can no longer see (left the site) keeps their figures, with no number or name.
 */
public record StaffRow(StaffGroup group, long accountId, String staffNumber, String name, String departmentName,
		Set<Role> roles, long received, long handled, long completed, long met, long breached, Double onTimeRate,
		long callbacksMade, long reached, long satisfied, Double satisfactionRate, long praise, long complaints,
		long validComplaints, long invalidComplaints, Links links) {

	/** Where each count leads: the request search narrowed like the count; null where the search cannot. */
	public record Links(String received, String handled, String praise, String complaints) {
	}
}
