package io.kefu.directory;

public record SiteSummary(long id, String code, String name, SiteKind kind, String address) {
}
