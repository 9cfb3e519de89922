package io.kefu.standard;

import java.time.Instant;
import java.time.LocalDate;

/** A rainy day recorded by mistake was removed. */
public record RainyDayRemoved(long siteId, LocalDate date, Instant occurredAt) {
}
