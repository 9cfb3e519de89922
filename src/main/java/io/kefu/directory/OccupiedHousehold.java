package io.kefu.directory;

/**
 * A household that lives at the site, with the building and room where it is found
 * (its first room when it has several), as surveys draw their samples from.
 */
public record OccupiedHousehold(long householdId, String name, long buildingId, String buildingName,
		String roomCode) {
}
