package io.kefu.request;

import java.time.LocalDate;

/** Narrows a queue: type, category, channel, building, and the days registered (inclusive). */
public record QueueFilter(RequestType type, Long categoryId, Channel channel, Long buildingId, LocalDate from,
		LocalDate to) {

	public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null);
}
