package io.kefu.callback;

import java.time.Instant;

/** A try that did not reach the customer, or a new time they asked for (改约). */
public record NewAttempt(CallbackMethod method, CallbackResult result, Instant nextTryAt, String note) {
}
