package io.kefu.standard.web;

import java.util.List;
import java.util.Set;

import io.kefu.request.Channel;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.Recipient;
import io.kefu.standard.ServiceStandard;
import io.kefu.standard.StandardInput;
import io.kefu.standard.TargetUnit;

/**
 * The standard form as typed, kept as it is to show again beside an error. The clocks
 * bind as {@code clocks[0].kind}, {@code clocks[0].further[0].afterMinutes} …; an
 * unticked checkbox sends nothing, hence {@code Boolean} and nullable sets.
 */
record StandardForm(Long siteId, Integer position, String name, Boolean active, Set<RequestType> types,
		Set<Long> categoryIds, Set<Priority> priorities, Set<Channel> channels, Boolean major,
		List<StandardInput.Clock> clocks) {

	/** A new standard: active, for every site, with one clock to fill in. */
	static StandardForm blank() {
		return new StandardForm(null, null, null, true, Set.of(), Set.of(), Set.of(), Set.of(), null,
				List.of(blankClock()));
	}

	/** What a clock added in the browser starts from: 受理 to 派工, warning at 80%, on the site's calendar. */
	static StandardInput.Clock blankClock() {
		return new StandardInput.Clock(ClockKind.DISPATCH, ClockTrigger.REGISTERED, Set.of(ClockTrigger.DISPATCHED),
				true, null, TargetUnit.BUSINESS_HOURS, false, null, 80, null, Set.of(), Set.of(Recipient.OWNER),
				Set.of(Recipient.SUPERVISOR), List.of());
	}

	static StandardForm of(ServiceStandard standard) {
		return new StandardForm(standard.siteId(), standard.position(), standard.name(), standard.active(),
				standard.types(), standard.categoryIds(), standard.priorities(), standard.channels(), standard.major(),
				standard.clocks().stream().map(StandardForm::clock).toList());
	}

	private static StandardInput.Clock clock(ClockRule rule) {
		return new StandardInput.Clock(rule.kind(), rule.start(), rule.stops(), rule.pauseOnHold(),
				rule.target().amount(), rule.target().unit(), rule.untilAppointment(), rule.calendarId(),
				rule.warnPercent(), rule.longestWaitDays(), rule.notifyOnStart(), rule.warnTo(), rule.breachTo(),
				rule.further().stream().map(e -> new StandardInput.Step(e.afterMinutes(), e.recipients())).toList());
	}

	/** An unticked 启用 is a standard switched off, where the API takes a missing one as on. */
	StandardInput toInput() {
		return new StandardInput(siteId, position, name, types, categoryIds, priorities, channels, major,
				Boolean.TRUE.equals(active), clocks);
	}
}
