package io.kefu.standard;

import java.time.Instant;

/**
 * A clock of a request started running with its due time: at the request's step, or,
 * for a clock that waited (a leak repair's callback), at the first rainy day or at the
 * end of its longest wait.
 */
public record ClockStarted(long clockId, long requestId, long siteId, ClockKind kind, Instant dueAt,
		Instant occurredAt) {
}
