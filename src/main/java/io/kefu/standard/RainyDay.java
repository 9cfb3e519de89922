package io.kefu.standard;

import java.time.Instant;
import java.time.LocalDate;

/** A day recorded as rainy (雨天) at a site; a wrong entry is removed, and the removal kept. */
public record RainyDay(long id, long siteId, LocalDate date, String recordedBy, Instant recordedAt, String removedBy,
		Instant removedAt) {

	public boolean removed() {
		return removedAt != null;
	}
}
