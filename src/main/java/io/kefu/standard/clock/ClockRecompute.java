package io.kefu.standard.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.standard.CalendarManagement;
import io.kefu.standard.CalendarModel;
import io.kefu.standard.CalendarsChanged;
import io.kefu.standard.ClockRescheduled;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockState;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a standard or a calendar changes, the clocks still running on it are worked out
 * again from their start (their paused time added back) and the change is kept on
 * them. Clocks that finished, or already breached, keep what happened.
 */
@Component
public class ClockRecompute {

	private final JdbcClient jdbc;

	private final StandardRules standards;

	private final CalendarManagement calendars;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClockRecompute(JdbcClient jdbc, StandardRules standards, CalendarManagement calendars,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.transactions = transactions;
		this.events = events;
		this.jdbc = jdbc;
		this.standards = standards;
		this.calendars = calendars;
		this.clock = clock;
	}

	/** The standard's clocks move to its new rules (by kind); a kind it no longer has stops counting. */
	public int standardChanged(long standardId, String reason) {
		List<ClockRule> current = standards.all().stream().filter(s -> s.id() == standardId).findFirst()
			.map(s -> s.clocks()).orElse(List.of());
		return recompute("""
				 join standard.clock_rule r on r.id = c.clock_rule_id
				where r.standard_id = :scope and c.state in ('RUNNING', 'PAUSED')""", standardId, reason,
				running -> current.stream().filter(rule -> rule.kind() == running.rule().kind()).findFirst());
	}

	/** Every running clock on the calendars as they are now, once a calendar change is committed. */
	@EventListener
	void on(CalendarsChanged event) {
		transactions.executeWithoutResult(status -> recompute(" where c.state in ('RUNNING', 'PAUSED')", null,
				"工作日历已修改", running -> Optional.of(running.rule())));
	}

	private int recompute(String where, Long scope, String reason,
			java.util.function.Function<RunningClock, Optional<ClockRule>> ruleFor) {
		List<RunningClock> clocks = jdbc.sql(RunningClock.SELECT + where + " order by c.id for update of c")
			.param("scope", scope)
			.query((rs, n) -> RunningClock.of(rs, standards))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
		Instant now = clock.instant();
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("""
				select c.id, c.started_at, c.paused_ms, r.appointment from standard.request_clock c
				join standard.request_standard r on r.request_id = c.request_id where c.id = any(:ids)""")
			.param("ids", clocks.stream().map(RunningClock::id).toArray(Long[]::new))
			.query(rs -> {
				rows.put(rs.getLong("id"), new Row(RunningClock.instant(rs, "started_at"), rs.getLong("paused_ms"),
						RunningClock.instant(rs, "appointment")));
			});
		for (RunningClock running : clocks) {
			Optional<ClockRule> rule = ruleFor.apply(running);
			if (rule.isEmpty()) {
				jdbc.sql("update standard.request_clock set state = 'CANCELLED', stopped_at = :now, next_fire_at = null where id = :id")
					.param("now", RequestClocks.offset(now))
					.param("id", running.id())
					.update();
				record(running, reason, null, now);
			}
			else {
				recompute(running, rows.get(running.id()), rule.get(), reason, now);
			}
		}
		return clocks.size();
	}

	private void recompute(RunningClock running, Row row, ClockRule rule, String reason, Instant now) {
		CalendarModel calendar = rule.calendarId() == null ? calendars.forSite(running.siteId())
				: calendars.model(rule.calendarId());
		ClockTimes fresh = ClockTimes.start(row.startedAt(), rule.target(),
				rule.untilAppointment() ? row.appointment() : null, rule.warnPercent(), calendar);
		Duration paused = Duration.ofMillis(row.pausedMs());
		ClockTimes times = new ClockTimes(fresh.warnAt().plus(paused), fresh.dueAt().plus(paused));
		boolean isPaused = running.state() == ClockState.PAUSED;
		jdbc.sql("""
				update standard.request_clock set clock_rule_id = :rule, warn_at = :warn, due_at = :due,
				       next_fire_at = :next where id = :id""")
			.param("rule", rule.id())
			.param("warn", RequestClocks.offset(times.warnAt()))
			.param("due", RequestClocks.offset(times.dueAt()))
			.param("next", isPaused ? null : RequestClocks.offset(ClockSweep.pointAt(running.fired(), times.warnAt(), times.dueAt(), rule)))
			.param("id", running.id())
			.update();
		record(running, reason, times.dueAt(), now);
	}

	private void record(RunningClock running, String reason, Instant newDue, Instant now) {
		jdbc.sql("""
				insert into standard.clock_change (clock_id, changed_at, reason, old_due_at, new_due_at)
				values (:clock, :at, :reason, :old, :new)""")
			.param("clock", running.id())
			.param("at", RequestClocks.offset(now))
			.param("reason", reason)
			.param("old", RequestClocks.offset(running.dueAt()))
			.param("new", RequestClocks.offset(newDue))
			.update();
		events.publishEvent(new ClockRescheduled(running.id(), running.requestId(), running.siteId(),
				running.rule().kind(), newDue, now));
	}

	private record Row(Instant startedAt, long pausedMs, Instant appointment) {
	}
}
