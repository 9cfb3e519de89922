package io.kefu.report;

import io.kefu.request.ComplaintEntry;

/** A complaint of the monthly summary with the names of its site and responsible department. */
public record ComplaintLine(ComplaintEntry complaint, String siteName, String departmentName) {

	/** The category under its parent, as 环境·噪音. */
	public String category() {
		if (complaint.categoryName() == null) {
			return "";
		}
		return complaint.parentCategoryName() == null ? complaint.categoryName()
				: complaint.parentCategoryName() + "·" + complaint.categoryName();
	}
}
