package io.kefu.standard;

/**
 * A staff member's clocks started in a period that have finished, met in time or
 * breached. A clock is the assignee's when it starts in the field work (dispatch,
 * acceptance, arrival, pause, follow-up), otherwise the request owner's (首问责任人).
 */
public record StaffOnTimeFigure(long accountId, long met, long breached) {
}
