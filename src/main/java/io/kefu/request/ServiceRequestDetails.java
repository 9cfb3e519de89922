package io.kefu.request;

import java.time.Instant;
import java.util.List;

/** The request page: the request, its place and requester, and its whole history. */
public record ServiceRequestDetails(long id, long siteId, String siteName, String number, RequestType type,
		Long categoryId, String categoryName, Channel channel, Priority priority, boolean major, RequestStatus status,
		Long householdId, String householdName, String contactName, String contactPhone, boolean anonymous,
		Long roomId, Long publicAreaId, String place, String description, String resolution, long ownerId,
		String ownerName, Instant registeredAt, Instant closedAt, int version, List<HistoryEntry> history) {
}
