package io.kefu.directory;

import java.time.LocalDate;

/** A household in lists and search results; {@code phones} are masked where the role requires. */
public record HouseholdSummary(long id, long siteId, String siteName, String name, HouseholdState state,
		LocalDate moveInDate, String rooms, String people, String phones) {
}
