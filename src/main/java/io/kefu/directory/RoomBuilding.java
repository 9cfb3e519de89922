package io.kefu.directory;

/** The building a room is in, by name, for counting what happened in each building. */
public record RoomBuilding(long roomId, long buildingId, long siteId, String buildingCode, String buildingName) {
}
