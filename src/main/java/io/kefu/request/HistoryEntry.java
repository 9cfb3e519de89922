package io.kefu.request;

import java.time.Instant;

/** One line of a request's history: who did what, when, from which state to which, and why. */
public record HistoryEntry(Instant occurredAt, String actorName, String action, RequestStatus fromStatus,
		RequestStatus toStatus, String note) {
}
