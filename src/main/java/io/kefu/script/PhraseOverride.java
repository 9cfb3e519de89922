package io.kefu.script;

import java.time.Instant;
import java.util.List;

/**
 * A text sent to a customer with forbidden phrases in it, and why.
 *
 * @param context   where it was written, e.g. {@code request-resolve}
 * @param reference what it concerns, e.g. a request number
 */
public record PhraseOverride(long id, String agentUsername, String agentName, String context, String reference,
		List<String> phrases, String text, String reason, Instant occurredAt) {
}
