package io.kefu.report;

import java.util.List;

/** Staff performance of a site (or, with no site, every site the user may see) over a period. */
public record StaffSheet(ReportPeriod period, Long siteId, String siteName, List<StaffRow> rows) {

	public List<StaffRow> rows(StaffGroup group) {
		return rows.stream().filter(r -> r.group() == group).toList();
	}
}
