package io.kefu.knowledge;

import java.time.Instant;

/** A saved version of an article: who saved it when, and in which state. */
public record ArticleVersion(int version, String title, ArticleState state, Instant savedAt, String savedBy) {
}
