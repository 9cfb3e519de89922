package io.kefu.report;

import io.kefu.callback.LatestCallback;
import io.kefu.request.ComplaintEntry;

/**
 * A complaint of the monthly summary with the names of its site and responsible
 * department and its latest callback (null before the first).
 */
public record ComplaintLine(ComplaintEntry complaint, String siteName, String departmentName, LatestCallback callback) {

	/** The category under its parent, as 环境·噪音. */
	public String category() {
		if (complaint.categoryName() == null) {
			return "";
		}
		return complaint.parentCategoryName() == null ? complaint.categoryName()
				: complaint.parentCategoryName() + "·" + complaint.categoryName();
	}

	/** The callback as the register writes it, or blank before the first. */
	public String callbackText() {
		return callback == null ? "" : callback.text();
	}
}
