package io.kefu.directory;

import java.time.LocalDate;
import java.util.List;

/** A new household with its rooms (by code) and people; not yet checked. */
public record HouseholdInput(long siteId, String name, HouseholdState state, LocalDate moveInDate, String note,
		List<String> roomCodes, List<PersonInput> people) {
}
