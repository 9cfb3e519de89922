package io.kefu.report;

import java.time.Instant;
import java.time.LocalDate;

/** A generated report pack, kept for download: a site's reports of a month or a quarter in one workbook. */
public record ReportPack(long id, long siteId, String siteName, PackKind kind, LocalDate from, LocalDate to,
		String fileName, long size, Instant generatedAt) {
}
