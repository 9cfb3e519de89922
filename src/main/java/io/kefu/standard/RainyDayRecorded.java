package io.kefu.standard;

import java.time.Instant;
import java.time.LocalDate;

/** A site had rain on a day: the leak-repair callback clocks waiting for rain may start. */
public record RainyDayRecorded(long siteId, LocalDate date, Instant occurredAt) {
}
