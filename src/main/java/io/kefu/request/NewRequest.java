package io.kefu.request;

/**
 * A request as the agent registers it; not yet checked. The place is a room (by id or
 * code) or a public area; the requester a household, a named contact, or anonymous.
 * {@code answer} given for an inquiry closes it at once, answered on the phone.
 * {@code concernedStaffId} is the account of the staff member a praise or a complaint is
 * about (被表扬员工, 被投诉员工), if the customer names one.
 */
public record NewRequest(Long siteId, RequestType type, Long categoryId, Channel channel, Priority priority,
		boolean major, Long householdId, String contactName, String contactPhone, boolean anonymous, Long roomId,
		String roomCode, Long publicAreaId, String description, String answer, Long concernedStaffId) {

	/** A request about no staff member in particular. */
	public NewRequest(Long siteId, RequestType type, Long categoryId, Channel channel, Priority priority,
			boolean major, Long householdId, String contactName, String contactPhone, boolean anonymous, Long roomId,
			String roomCode, Long publicAreaId, String description, String answer) {
		this(siteId, type, categoryId, channel, priority, major, householdId, contactName, contactPhone, anonymous,
				roomId, roomCode, publicAreaId, description, answer, null);
	}
}
