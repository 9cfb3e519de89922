package io.kefu.callback;

import java.time.Instant;

/** One try to reach the customer; {@code id} is null until it is saved. */
public record CallbackAttempt(Long id, CallbackMethod method, CallbackResult result, Instant nextTryAt, String note,
		long agentId, String agentName, Instant attemptedAt) {
}
