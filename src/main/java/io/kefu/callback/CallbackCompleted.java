package io.kefu.callback;

import io.kefu.shared.Satisfaction;

import java.time.Instant;

/** The customer was reached (or rated online) and gave their satisfaction; the request was archived or re-dispatched. */
public record CallbackCompleted(long callbackId, long requestId, long siteId, CallbackMethod method,
		Satisfaction satisfaction, boolean onTime, Instant occurredAt) {
}
