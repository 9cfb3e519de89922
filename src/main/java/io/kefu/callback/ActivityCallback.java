package io.kefu.callback;

import java.time.Instant;

import io.kefu.shared.Satisfaction;

/** The callback of one sampled participant of a community activity. */
public record ActivityCallback(long householdId, String householdName, String roomCode, String phones,
		ActivityCallbackState state, int failedAttempts, Satisfaction satisfaction, String comment, String calledBy,
		Instant calledAt, int version) {
}
