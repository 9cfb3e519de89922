package io.kefu.directory.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;

/**
 * A checked row: one room and, if {@code household} is not {@code null}, the
 * household that lives in it with its people (checked and normalized).
 */
record ImportRow(int line, long siteId, String building, int entrance, int floor, int number, String roomCode,
		BigDecimal area, String household, HouseholdState state, LocalDate moveInDate, List<PersonInput> people) {

	boolean hasHousehold() {
		return household != null;
	}
}
