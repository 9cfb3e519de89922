package io.kefu.report;

import java.time.Instant;

/** A quarterly complaint analysis in a list. */
public record QuarterlyAnalysisSummary(long id, long siteId, String siteName, Quarter quarter, AnalysisState state,
		Instant changedAt) {
}
