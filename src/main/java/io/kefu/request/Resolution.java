package io.kefu.request;

/**
 * How a request was resolved (处理结果). For complaints: valid or not, the responsible
 * department, the cause and the corrective action; for suggestions: adopted or not
 * and the reply with reasons and thanks.
 */
public record Resolution(String result, Boolean complaintValid, Long responsibleDepartmentId, String cause,
		String correctiveAction, Boolean suggestionAdopted, String reply) {
}
