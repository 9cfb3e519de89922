package io.kefu.directory;

import java.time.Instant;

/** One time a staff member opened a household's page with its personal data. */
public record PersonalDataView(Instant viewedAt, String username, String displayName) {
}
