package io.kefu.request;

/**
 * How a request was resolved (处理结果). For complaints: valid or not, the responsible
 * department, the cause and the corrective action; for suggestions: adopted or not
 * and the reply with reasons and thanks. A complaint's resolution may name, or correct,
 * the staff member it is about ({@code concernedStaffId}, their account).
 */
public record Resolution(String result, Boolean complaintValid, Long responsibleDepartmentId, String cause,
		String correctiveAction, Boolean suggestionAdopted, String reply, Long concernedStaffId) {

	/** A resolution that leaves the staff member the request names as it is. */
	public Resolution(String result, Boolean complaintValid, Long responsibleDepartmentId, String cause,
			String correctiveAction, Boolean suggestionAdopted, String reply) {
		this(result, complaintValid, responsibleDepartmentId, cause, correctiveAction, suggestionAdopted, reply, null);
	}
}
