package io.kefu.standard;

import java.time.Instant;
import java.time.LocalDate;

/** A version of a calendar's weekly hours and the date it takes effect. */
public record HoursVersion(LocalDate effectiveFrom, WeeklyHours hours, Instant createdAt, String createdBy) {
}
