package io.kefu.callback;

import java.time.Instant;
import java.util.List;

import io.kefu.shared.Satisfaction;
import io.kefu.request.HistoryEntry;

/** The callback page: the callback, its outcome, its tries, the request's history and the script to read out. */
public record CallbackDetails(CallbackSummary callback, CallbackMethod method, Satisfaction satisfaction,
		String comment, String closedByName, Instant closedAt, List<CallbackAttempt> attempts,
		List<HistoryEntry> history, String script) {
}
