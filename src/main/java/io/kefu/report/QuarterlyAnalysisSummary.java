package io.kefu.report;

import java.time.Instant;

/** A quarterly complaint analysis in a list; no site: the whole company's. */
public record QuarterlyAnalysisSummary(long id, Long siteId, String siteName, Quarter quarter, AnalysisState state,
		Instant changedAt) {
}
