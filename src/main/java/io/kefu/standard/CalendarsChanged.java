package io.kefu.standard;

import java.time.Instant;

/** A calendar, or which calendar a site uses, changed and was committed: running clocks are worked out again. */
public record CalendarsChanged(Instant occurredAt) {
}
