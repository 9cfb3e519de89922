package io.kefu.directory;

public record BuildingSummary(long id, long siteId, String code, String name, int rooms) {
}
