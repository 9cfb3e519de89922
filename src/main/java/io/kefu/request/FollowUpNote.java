package io.kefu.request;

import java.time.Instant;

/** A daily follow-up (每日跟踪) of work that takes more than a day. */
public record FollowUpNote(Instant writtenAt, String authorName, String text) {
}
