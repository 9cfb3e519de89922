package io.kefu.report;

import java.time.Instant;

/**
 * A quarterly complaint analysis (季度投诉分析报告) with its figures: computed now while it
 * is not approved, frozen at approval ({@code frozen}) once it is. No site: the whole
 * company's report.
 */
public record QuarterlyAnalysisDetails(long id, Long siteId, String siteName, Quarter quarter, AnalysisState state,
		WrittenSections sections, Signature drafted, Signature submitted, Signature approved, String returnNote,
		boolean frozen, QuarterlyFigures figures, int version) {

	/** Who took a step and when; null until it is taken. */
	public record Signature(long accountId, String name, Instant at) {
	}
}
