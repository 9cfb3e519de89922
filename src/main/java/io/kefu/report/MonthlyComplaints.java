package io.kefu.report;

import java.time.YearMonth;
import java.util.List;

/** The monthly complaint summary (月度业户投诉汇总登记表) of a site, or of every site the user may see. */
public record MonthlyComplaints(YearMonth month, Long siteId, String siteName, List<ComplaintLine> lines) {
}
