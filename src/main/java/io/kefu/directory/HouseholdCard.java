package io.kefu.directory;

import java.util.List;

/**
 * A household as the intake screen shows it while the customer is on the line: who
 * lives there and in which rooms. Phones are masked where the role requires; ID
 * numbers are left out ({@code null}), the call never needs them.
 */
public record HouseholdCard(HouseholdSummary household, List<PersonDetails> people, List<RoomSummary> rooms) {
}
