package io.kefu.report;

/** The steps of a quarterly complaint analysis: 草稿 → 已提交 → 已批准 (or back to 草稿: 退回). */
public enum AnalysisState {
	DRAFT, SUBMITTED, APPROVED
}
