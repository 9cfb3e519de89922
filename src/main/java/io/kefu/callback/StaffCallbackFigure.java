package io.kefu.callback;

/**
 * A staff member's callbacks over a period of resolutions: those they made and reached
 * the customer ({@code made}), and the customers reached about requests they owned
 * (首问) or did the work of, with how many of those were satisfied (非常满意 + 满意).
 */
public record StaffCallbackFigure(long accountId, long made, long reachedAsOwner, long satisfiedAsOwner,
		long reachedAsAssignee, long satisfiedAsAssignee) {
}
