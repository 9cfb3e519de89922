package io.kefu.callback;

import java.time.Instant;

/** The customer could not be reached after the failed tries allowed; the request was archived so. */
public record CallbackFailed(long callbackId, long requestId, long siteId, int failedAttempts, Instant occurredAt) {
}
