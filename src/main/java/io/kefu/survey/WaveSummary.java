package io.kefu.survey;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A survey wave of a site.
 *
 * @param occupied  occupied households of the site when the sample was drawn
 * @param sampled   households in the sample
 * @param signed    signed answers, the ones that count
 * @param unsigned  unsigned paper forms, kept but left out of the results
 */
public record WaveSummary(long id, long siteId, String siteName, String name, long questionnaireId,
		String questionnaireName, long versionId, int versionNumber, BigDecimal sampleShare, int avoidWaves, long seed,
		int occupied, int sampled, int signed, int unsigned, WaveStatus status, Instant createdAt, Instant closedAt,
		int version) {

	public boolean open() {
		return status == WaveStatus.OPEN;
	}

	/** The name of the results workbook: 满意度调查-阳光花园-2026 下半年.xlsx. */
	public String resultsFilename() {
		return "满意度调查-" + siteName + "-" + name + ".xlsx";
	}
}
