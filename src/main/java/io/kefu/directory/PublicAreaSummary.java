package io.kefu.directory;

public record PublicAreaSummary(long id, long siteId, String name, String kind) {
}
