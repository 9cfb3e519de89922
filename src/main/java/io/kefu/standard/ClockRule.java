package io.kefu.standard;

import java.util.List;
import java.util.Set;


/**
 * One clock a standard defines: when it starts and stops, whether it waits while the
 * work is on hold, its target on a calendar ({@code null}: the site's), when it warns,
 * and who is told at its start, warning, breach and after.
 */
public record ClockRule(long id, ClockKind kind, ClockTrigger start, Set<ClockTrigger> stops, boolean pauseOnHold,
		Target target, boolean untilAppointment, Long calendarId, int warnPercent, Integer longestWaitDays,
		Set<Recipient> notifyOnStart, Set<Recipient> warnTo, Set<Recipient> breachTo, List<Escalation> further) {

	/** A further step of the ladder: who is told this long after the breach. */
	public record Escalation(int afterMinutes, Set<Recipient> recipients) {
	}

	/** How many times the clock fires: the warning, the breach, then each further step. */
	public int points() {
		return 2 + further.size();
	}
}
