package io.kefu.directory;

/** A room with the household that lives in it, if any. */
public record RoomSummary(long id, long siteId, long buildingId, String code, int entrance, int floor, int number,
		java.math.BigDecimal area, Long householdId, String householdName, int version) {
}
