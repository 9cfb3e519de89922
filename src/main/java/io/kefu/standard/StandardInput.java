package io.kefu.standard;

import java.util.List;
import java.util.Set;

import io.kefu.request.Channel;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;

/**
 * A standard as an administrator writes it: the site it is for ({@code null}: every
 * site), its place in the order, what it matches (empty: everything) and its clocks.
 */
public record StandardInput(Long siteId, Integer position, String name, Set<RequestType> types, Set<Long> categoryIds,
		Set<Priority> priorities, Set<Channel> channels, Boolean major, Boolean active, List<Clock> clocks) {

	/** One clock of the standard; the ladder is who is told at its start, warning, breach and after. */
	public record Clock(ClockKind kind, ClockTrigger start, Set<ClockTrigger> stops, Boolean pauseOnHold,
			Long targetAmount, TargetUnit targetUnit, Boolean untilAppointment, Long calendarId, Integer warnPercent,
			Integer longestWaitDays, Set<Recipient> notifyOnStart, Set<Recipient> warnTo, Set<Recipient> breachTo,
			List<Step> further) {
	}

	/** A further step of the ladder, this many minutes after the breach. */
	public record Step(Integer afterMinutes, Set<Recipient> recipients) {
	}
}
