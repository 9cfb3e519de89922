package io.kefu.security;

/** A token just created: the only time its text is available, to be shown once to its owner. */
public record NewApiToken(ApiTokenSummary summary, String token) {
}
