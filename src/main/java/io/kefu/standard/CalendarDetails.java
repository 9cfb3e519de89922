package io.kefu.standard;

import java.util.List;

/**
 * A calendar with its hours versions (newest first), its own exceptions (the national
 * schedule is not repeated here) and the sites assigned to it.
 */
public record CalendarDetails(CalendarSummary summary, List<HoursVersion> versions, List<CalendarException> exceptions,
		List<Long> siteIds) {

	public CalendarDetails {
		versions = List.copyOf(versions);
		exceptions = List.copyOf(exceptions);
		siteIds = List.copyOf(siteIds);
	}
}
