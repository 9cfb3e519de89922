package io.kefu.standard.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.kefu.standard.ClockBreached;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockState;
import io.kefu.standard.ClockWarned;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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

	static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final StandardRules standards;

	private final RequestClocks clocks;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Timer passes;

	private final JdbcTemplate template;

	ClockSweep(JdbcClient jdbc, JdbcTemplate template, StandardRules standards, RequestClocks clocks, Notifier notifier,
			ApplicationEventPublisher events, TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
		this.template = template;
		this.passes = Timer.builder("kefu.clocks.sweep").description("One pass of the clock sweep").register(meters);
		this.jdbc = jdbc;
		this.standards = standards;
		this.clocks = clocks;
		this.notifier = notifier;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Everything due now, batch after batch; each pass is timed as {@code kefu.clocks.sweep}.
	 * After a full batch the sweep rests as long as the batch took: at a peak it takes at
	 * most about half of the machine, and intake running beside it keeps its pace.
	 */
	@Scheduled(fixedDelayString = "${kefu.clocks.sweep-every:PT15S}", initialDelayString = "${kefu.clocks.sweep-every:PT15S}")
	void sweep() {
		passes.record(() -> {
			long started = System.nanoTime();
			while (sweepOnce() == BATCH && rest(System.nanoTime() - started)) {
				started = System.nanoTime();
			}
		});
	}

	private static boolean rest(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	int sweepOnce() {
		return sweepOnce(clock.instant());
	}

	/**
	 * One batch of what is due at {@code now}, in one transaction: the due clocks read with
	 * their requests in one query, the notifications and the clocks written in two
	 * batches. Returns how many clocks were due.
	 */
	int sweepOnce(Instant now) {
		Integer swept = transactions.execute(status -> {
			List<Due> due = jdbc.sql(RunningClock.SELECT.replace("from standard.request_clock c", """
					, r.number, r.owner_id, r.assignee_id, r.appointment
					from standard.request_clock c join standard.request_standard r on r.request_id = c.request_id""")
					+ " where c.next_fire_at <= :now order by c.next_fire_at limit :limit for update of c skip locked")
				.param("now", RequestClocks.offset(now))
				.param("limit", BATCH)
				.query((rs, n) -> new Due(RunningClock.of(rs, standards).orElse(null), rs.getLong("id"),
						new RequestRow(rs.getLong("request_id"), rs.getLong("site_id"), rs.getString("number"),
								rs.getLong("owner_id"), (Long) rs.getObject("assignee_id"),
								RunningClock.instant(rs, "appointment"))))
				.list();
			Notifier.Batch told = notifier.batch();
			List<Object[]> fired = new ArrayList<>();
			for (Due clock : due) {
				if (clock.running() == null) {
					fired.add(new Object[] { 0, ClockState.CANCELLED.name(), null, clock.id() });
				}
				else if (clock.running().state() == ClockState.WAITING) {
					RunningClock started = clocks.startWaitedOut(clock.running(), clock.request());
					fired.add(fire(started, clock.request(), now, told));
				}
				else {
					fired.add(fire(clock.running(), clock.request(), now, told));
				}
			}
			told.flush();
			template.batchUpdate("update standard.request_clock set fired = ?, state = ?, next_fire_at = ? where id = ?",
					fired);
			return due.size();
		});
		return swept == null ? 0 : swept;
	}

	/** A due clock with its request; {@code running} is null when its rule is gone. */
	private record Due(RunningClock running, long id, RequestRow request) {
	}

	/** Fires every step of the clock that has come; returns its new fired count, state and next time. */
	private Object[] fire(RunningClock running, RequestRow request, Instant now, Notifier.Batch told) {
		ClockRule rule = running.rule();
		int fired = running.fired();
		ClockState state = running.state();
		Instant next = pointAt(fired, running.warnAt(), running.dueAt(), rule);
		while (next != null && !next.isAfter(now)) {
			told.fired(fired, running.id(), request, rule, running.dueAt(), now);
			if (fired == 0) {
				events.publishEvent(new ClockWarned(running.id(), running.requestId(), running.siteId(), rule.kind(),
						running.dueAt(), now));
			}
			else if (fired == 1) {
				state = ClockState.BREACHED;
				events.publishEvent(new ClockBreached(running.id(), running.requestId(), running.siteId(), rule.kind(),
						running.dueAt(), now));
			}
			fired++;
			next = pointAt(fired, running.warnAt(), running.dueAt(), rule);
		}
		return new Object[] { fired, state.name(), RequestClocks.offset(next), running.id() };
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
