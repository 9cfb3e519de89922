package io.kefu.standard.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockState;

/** A clock that has not stopped yet, with the rule it follows. */
record RunningClock(long id, long requestId, long siteId, ClockRule rule, ClockState state, Instant warnAt,
		Instant dueAt, Instant pausedAt, int fired, Instant waitingUntil) {

	static final String SELECT = """
			select c.id, c.request_id, c.site_id, c.clock_rule_id, c.state, c.warn_at, c.due_at, c.paused_at, c.fired,
			       c.waiting_until
			from standard.request_clock c""";

	/** The clock, or nothing when its rule is gone. */
	static Optional<RunningClock> of(ResultSet rs, StandardRules standards) throws SQLException {
		Optional<ClockRule> rule = standards.rule(rs.getLong("clock_rule_id"));
		if (rule.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new RunningClock(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("site_id"),
				rule.get(), ClockState.valueOf(rs.getString("state")), instant(rs, "warn_at"), instant(rs, "due_at"),
				instant(rs, "paused_at"), rs.getInt("fired"), instant(rs, "waiting_until")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
