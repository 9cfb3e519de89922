package io.kefu.request;

import java.time.Instant;
import java.util.List;

/**
 * The request page: the request, its place and requester, and its whole history; the
 * staff member a praise or complaint is about, if one was named.
 */
public record ServiceRequestDetails(long id, long siteId, String siteName, String number, RequestType type,
		Long categoryId, String categoryName, Channel channel, Priority priority, boolean major, RequestStatus status,
		Long householdId, String householdName, String contactName, String contactPhone, boolean anonymous,
		Long roomId, Long publicAreaId, String place, String description, String resolution, long ownerId,
		String ownerName, Instant registeredAt, Instant closedAt, int version, List<HistoryEntry> history, FieldWork work,
		Outcome outcome, List<QuoteLine> quote, List<FollowUpNote> followUps, Long parentId, List<Long> childIds,
		Long concernedStaffId, String concernedStaffName) {

	/** The quote's total in yuan. */
	public java.math.BigDecimal quoteTotal() {
		return quote.stream().map(QuoteLine::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
	}

	/** Dispatch and field work: who does it, when, what they found and did. */
	public record FieldWork(Long departmentId, String departmentName, Long assigneeId, String assigneeName,
			Instant appointment, Instant dispatchedAt, Instant acceptedAt, Instant arrivedAt, Instant completedAt,
			PauseReason pausedReason, String findings, String result, String confirmedBy, String quoteAcceptedBy,
			String materials, java.math.BigDecimal feeCollected, boolean signed) {
	}

	/** How it was resolved, and how often it was reopened. */
	public record Outcome(Instant resolvedAt, Boolean complaintValid, Long responsibleDepartmentId,
			String responsibleDepartmentName, String cause,
			String correctiveAction, Boolean suggestionAdopted, String reply, int reopenCount) {
	}
}
