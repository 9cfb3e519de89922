package io.kefu.standard.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.kefu.standard.ClockBreached;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockState;
import io.kefu.standard.ClockWarned;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires what has fallen due: warnings, breaches, further escalation steps, and the
 * waiting clocks whose longest wait has passed. Each batch locks its rows with
 * {@code for update skip locked} and records what it fired in the same transaction, so
 * several Kefu instances on one database fire every step exactly once, and a restart
 * loses nothing: the due rows are simply still due.
 */
@Component
class ClockSweep {

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final StandardRules standards;

	private final RequestClocks clocks;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ClockSweep(JdbcClient jdbc, StandardRules standards, RequestClocks clocks, Notifier notifier,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.standards = standards;
		this.clocks = clocks;
		this.notifier = notifier;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kefu.clocks.sweep-every:PT15S}", initialDelayString = "${kefu.clocks.sweep-every:PT15S}")
	void sweep() {
		while (sweepOnce() == BATCH) {
			// more was due than one batch holds
		}
	}

	int sweepOnce() {
		return sweepOnce(clock.instant());
	}

	/** One batch of what is due at {@code now}, in one transaction; returns how many clocks were due. */
	int sweepOnce(Instant now) {
		Integer swept = transactions.execute(status -> {
			List<Long> due = jdbc.sql("""
					select id from standard.request_clock where next_fire_at <= :now
					order by next_fire_at limit :limit for update skip locked""")
				.param("now", RequestClocks.offset(now))
				.param("limit", BATCH)
				.query(Long.class)
				.list();
			due.forEach(id -> fire(id, now));
			return due.size();
		});
		return swept == null ? 0 : swept;
	}

	private void fire(long id, Instant now) {
		RunningClock running = jdbc.sql(RunningClock.SELECT + " where c.id = :id")
			.param("id", id)
			.query((rs, n) -> RunningClock.of(rs, standards))
			.single()
			.orElse(null);
		if (running == null) {
			jdbc.sql("update standard.request_clock set next_fire_at = null where id = :id").param("id", id).update();
			return;
		}
		if (running.state() == ClockState.WAITING) {
			clocks.startWaitedOut(id);
			fire(id, now);
			return;
		}
		RequestRow request = jdbc.sql("select * from standard.request_standard where request_id = :request")
			.param("request", running.requestId())
			.query((rs, n) -> RequestRow.of(rs))
			.single();
		ClockRule rule = running.rule();
		int fired = running.fired();
		ClockState state = running.state();
		Instant next = pointAt(fired, running.warnAt(), running.dueAt(), rule);
		while (next != null && !next.isAfter(now)) {
			notifier.fired(fired, id, request, rule, running.dueAt(), now);
			if (fired == 0) {
				events.publishEvent(new ClockWarned(id, running.requestId(), running.siteId(), rule.kind(),
						running.dueAt(), now));
			}
			else if (fired == 1) {
				state = ClockState.BREACHED;
				events.publishEvent(new ClockBreached(id, running.requestId(), running.siteId(), rule.kind(),
						running.dueAt(), now));
			}
			fired++;
			next = pointAt(fired, running.warnAt(), running.dueAt(), rule);
		}
		jdbc.sql("update standard.request_clock set fired = :fired, state = :state, next_fire_at = :next where id = :id")
			.param("fired", fired)
			.param("state", state.name())
			.param("next", RequestClocks.offset(next))
			.param("id", id)
			.update();
	}

	/** When a clock fires for the {@code index}-th time: warning, breach, then each further step; null after the last. */
	static Instant pointAt(int index, Instant warnAt, Instant dueAt, ClockRule rule) {
		if (index >= rule.points()) {
			return null;
		}
		return switch (index) {
			case 0 -> warnAt;
			case 1 -> dueAt;
			default -> dueAt.plusSeconds(60L * rule.further().get(index - 2).afterMinutes());
		};
	}
}
