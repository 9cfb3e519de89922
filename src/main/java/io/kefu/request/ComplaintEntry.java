package io.kefu.request;

import java.time.Instant;

/** One line of the monthly complaint summary (月度业户投诉汇总登记表). */
public record ComplaintEntry(long id, long siteId, String number, Instant registeredAt, String contactName,
		String place, String categoryName, String parentCategoryName, String description, String resolution,
		Boolean valid, Long responsibleDepartmentId, String cause, String correctiveAction, RequestStatus status) {
}
