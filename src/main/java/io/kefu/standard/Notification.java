package io.kefu.standard;

import java.time.Instant;

/** A line in a person's bell: a request's clock started, warned, breached or escalated. */
public record Notification(long id, long requestId, NotificationLevel level, ClockKind kind, String number,
		Instant dueAt, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
