package io.kefu.request;

import java.time.Instant;

/** The owner (首问责任人) handed the request to a colleague, with the reason. */
public record OwnershipTransferred(long requestId, long fromAccountId, long toAccountId, String reason,
		Instant occurredAt) {
}
