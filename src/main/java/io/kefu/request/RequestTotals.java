package io.kefu.request;

import java.time.Duration;

/**
 * The headline figures of the requests registered in a period: how many, how many
 * complaints and suggestions, the suggestions answered (resolved with a reply), and the
 * time from registration to resolution of those resolved (average and 90th percentile;
 * null when none was resolved).
 */
public record RequestTotals(long requests, long complaints, long suggestions, long suggestionsReplied, long resolved,
		Duration averageHandling, Duration p90Handling) {

	/** Suggestions replied to out of all suggestions, in percent; null without suggestions. */
	public Double suggestionReplyRate() {
		return suggestions == 0 ? null : 100.0 * suggestionsReplied / suggestions;
	}
}
