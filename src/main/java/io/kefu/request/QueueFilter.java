package io.kefu.request;

import java.time.LocalDate;

import io.kefu.shared.InvalidInputException;

/**
 * Narrows a queue (type, category, channel, building, the days registered, inclusive)
 * and orders it.
 */
public record QueueFilter(RequestType type, Long categoryId, Channel channel, Long buildingId, LocalDate from,
		LocalDate to, QueueOrder order) {

	public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null);

	public QueueFilter {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInputException("from", "开始日期不能晚于结束日期");
		}
		order = order == null ? QueueOrder.NEWEST : order;
	}

	public QueueFilter(RequestType type, Long categoryId, Channel channel, Long buildingId, LocalDate from,
			LocalDate to) {
		this(type, categoryId, channel, buildingId, from, to, QueueOrder.NEWEST);
	}
}
