package io.kefu.request;

import java.time.Instant;

/** A request was registered (受理): its clocks start. */
public record ServiceRequestRegistered(long requestId, long siteId, String number, RequestType type, Long categoryId,
		Channel channel, Priority priority, boolean major, long ownerId, Instant occurredAt) {
}
