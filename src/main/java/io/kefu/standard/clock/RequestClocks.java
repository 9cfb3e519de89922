package io.kefu.standard.clock;

import io.kefu.standard.ServiceStandard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.kefu.request.OwnershipTransferred;
import io.kefu.request.ServiceRequestAccepted;
import io.kefu.request.ServiceRequestArrived;
import io.kefu.request.ServiceRequestClosed;
import io.kefu.request.ServiceRequestCompleted;
import io.kefu.request.ServiceRequestDispatched;
import io.kefu.request.ServiceRequestFollowedUp;
import io.kefu.request.ServiceRequestMerged;
import io.kefu.request.ServiceRequestPaused;
import io.kefu.request.ServiceRequestRegistered;
import io.kefu.request.ServiceRequestReopened;
import io.kefu.request.ServiceRequestResolved;
import io.kefu.request.ServiceRequestResumed;
import io.kefu.request.ServiceRequestReturned;
import io.kefu.standard.CalendarManagement;
import io.kefu.standard.CalendarModel;
import io.kefu.standard.ClockMet;
import io.kefu.standard.ClockRescheduled;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockStarted;
import io.kefu.standard.ClockState;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.RainyDayRecorded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts, pauses, resumes and stops a request's clocks as its events arrive. The
 * listeners run in the request's own transaction, so a request and its clocks are
 * saved together, in the order things happened; the sweep fires warnings and
 * breaches later.
 */
@Component
class RequestClocks {

	private final JdbcClient jdbc;

	private final StandardRules standards;

	private final CalendarManagement calendars;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RequestClocks(JdbcClient jdbc, StandardRules standards, CalendarManagement calendars, Notifier notifier,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.standards = standards;
		this.calendars = calendars;
		this.notifier = notifier;
		this.events = events;
		this.clock = clock;
	}

	/** A new request has no clocks yet: its standard's clocks that start at intake are written as they start. */
	@EventListener
	void on(ServiceRequestRegistered event) {
		Optional<ServiceStandard> standard = standards.match(event.siteId(), event.type(), event.categoryId(),
				event.priority(), event.channel(), event.major());
		jdbc.sql("""
				insert into standard.request_standard (request_id, site_id, number, standard_id, owner_id)
				values (:request, :site, :number, :standard, :owner)""")
			.param("request", event.requestId())
			.param("site", event.siteId())
			.param("number", event.number())
			.param("standard", standard.map(ServiceStandard::id).orElse(null))
			.param("owner", event.ownerId())
			.update();
		RequestRow request = new RequestRow(event.requestId(), event.siteId(), event.number(), event.ownerId(), null,
				null);
		Notifier.Batch told = notifier.batch();
		standard.map(ServiceStandard::clocks)
			.orElse(List.of())
			.stream()
			.filter(rule -> rule.start() == ClockTrigger.REGISTERED)
			.forEach(rule -> run(request, rule, event.occurredAt(), told));
		told.flush();
	}

	/** Dispatch, or reassignment: the clocks of the field work start again for the new person and time. */
	@EventListener
	void on(ServiceRequestDispatched event) {
		jdbc.sql("update standard.request_standard set assignee_id = :assignee, appointment = :appointment where request_id = :request")
			.param("assignee", event.assigneeId())
			.param("appointment", offset(event.appointment()))
			.param("request", event.requestId())
			.update();
		trigger(event.requestId(), ClockTrigger.DISPATCHED, event.occurredAt());
	}

	@EventListener
	void on(ServiceRequestAccepted event) {
		trigger(event.requestId(), ClockTrigger.ACCEPTED, event.occurredAt());
	}

	@EventListener
	void on(ServiceRequestArrived event) {
		trigger(event.requestId(), ClockTrigger.ARRIVED, event.occurredAt());
	}

	@EventListener
	void on(ServiceRequestFollowedUp event) {
		trigger(event.requestId(), ClockTrigger.FOLLOWED_UP, event.occurredAt());
	}

	/** Work on hold: a report (it may stop a report-back clock), and the clocks that wait while on hold pause. */
	@EventListener
	void on(ServiceRequestPaused event) {
		trigger(event.requestId(), ClockTrigger.PAUSED, event.occurredAt());
		for (RunningClock running : active(event.requestId())) {
			if (running.state() == ClockState.RUNNING && running.rule().pauseOnHold()) {
				pause(running, event.occurredAt());
			}
		}
	}

	@EventListener
	void on(ServiceRequestResumed event) {
		for (RunningClock running : active(event.requestId())) {
			if (running.state() == ClockState.PAUSED) {
				resume(running, event.occurredAt());
			}
		}
	}

	@EventListener
	void on(ServiceRequestCompleted event) {
		jdbc.sql("update standard.request_standard set completed_at = :at where request_id = :request")
			.param("at", offset(event.occurredAt()))
			.param("request", event.requestId())
			.update();
		trigger(event.requestId(), ClockTrigger.COMPLETED, event.occurredAt());
	}

	@EventListener
	void on(ServiceRequestResolved event) {
		trigger(event.requestId(), ClockTrigger.RESOLVED, event.occurredAt());
	}

	/** Closing ends every clock: those still running stop as they stand, those waiting are not needed. */
	@EventListener
	void on(ServiceRequestClosed event) {
		trigger(event.requestId(), ClockTrigger.CLOSED, event.occurredAt());
		for (RunningClock running : active(event.requestId())) {
			if (running.state() == ClockState.WAITING) {
				cancel(running, event.occurredAt());
			}
			else {
				stop(running, event.occurredAt());
			}
		}
	}

	/** Reopened (重新派工): what was running no longer counts, and the request's clocks start again. */
	@EventListener
	void on(ServiceRequestReopened event) {
		active(event.requestId()).forEach(running -> cancel(running, event.occurredAt()));
		trigger(event.requestId(), ClockTrigger.REGISTERED, event.occurredAt());
	}

	/** Given back (退单): the field work's clocks no longer count, the time to dispatch runs again. */
	@EventListener
	void on(ServiceRequestReturned event) {
		for (RunningClock running : active(event.requestId())) {
			if (running.rule().start().fieldWork()) {
				cancel(running, event.occurredAt());
			}
		}
		rulesOf(event.requestId()).stream()
			.filter(rule -> rule.stops().contains(ClockTrigger.DISPATCHED))
			.forEach(rule -> start(event.requestId(), rule, event.occurredAt()));
	}

	/** The duplicates follow their parent: their own clocks stop counting, each keeps its callback to come. */
	@EventListener
	void on(ServiceRequestMerged event) {
		for (long child : event.childIds()) {
			active(child).forEach(running -> cancel(running, event.occurredAt()));
		}
	}

	@EventListener
	void on(OwnershipTransferred event) {
		jdbc.sql("update standard.request_standard set owner_id = :owner where request_id = :request")
			.param("owner", event.toAccountId())
			.param("request", event.requestId())
			.update();
	}

	/** Rain: the callbacks of leak repairs completed on or before that day start now. */
	@EventListener
	void on(RainyDayRecorded event) {
		List<Long> waiting = jdbc.sql("""
				select c.id from standard.request_clock c
				join standard.request_standard r on r.request_id = c.request_id
				where c.site_id = :site and c.state = 'WAITING'
				  and (r.completed_at at time zone :zone)::date <= :date
				for update of c""")
			.param("site", event.siteId())
			.param("zone", clock.getZone().getId())
			.param("date", event.date())
			.query(Long.class)
			.list();
		for (long id : waiting) {
			RunningClock running = load(id).orElseThrow();
			begin(running, request(running.requestId()), event.occurredAt());
		}
	}

	/** A waiting clock whose longest wait has passed starts at the end of the wait (called by the sweep). */
	RunningClock startWaitedOut(RunningClock waiting, RequestRow request) {
		begin(waiting, request, waiting.waitingUntil());
		return load(waiting.id()).orElseThrow();
	}

	private void trigger(long requestId, ClockTrigger trigger, Instant at) {
		for (RunningClock running : active(requestId)) {
			if (running.rule().stops().contains(trigger) && running.state() != ClockState.WAITING) {
				stop(running, at);
				if (running.rule().kind().repeats() && trigger == ClockTrigger.FOLLOWED_UP) {
					start(requestId, running.rule(), at);
				}
			}
		}
		for (ClockRule rule : rulesOf(requestId)) {
			if (rule.start() == trigger) {
				start(requestId, rule, at);
			}
			else if (rule.start() == ClockTrigger.FIRST_RAINY_DAY && trigger == ClockTrigger.COMPLETED) {
				waitForRain(requestId, rule, at);
			}
		}
	}

	private void start(long requestId, ClockRule rule, Instant at) {
		active(requestId).stream().filter(r -> r.rule().id() == rule.id()).forEach(r -> cancel(r, at));
		Notifier.Batch told = notifier.batch();
		run(request(requestId), rule, at, told);
		told.flush();
	}

	/** A new clock that runs from {@code at}, written with its times; who is told at once is added to the batch. */
	private void run(RequestRow request, ClockRule rule, Instant at, Notifier.Batch told) {
		ClockTimes times = times(rule, request, at);
		long id = insert(request, rule, ClockState.RUNNING, at, times.warnAt(), times.dueAt(), null);
		told.started(id, request, rule, times.dueAt(), at);
		started(id, request, rule, times.dueAt(), at);
	}

	private void waitForRain(long requestId, ClockRule rule, Instant completedAt) {
		active(requestId).stream().filter(r -> r.rule().id() == rule.id()).forEach(r -> cancel(r, completedAt));
		Instant longest = completedAt.plus(Duration.ofDays(rule.longestWaitDays() == null ? 30 : rule.longestWaitDays()));
		insert(request(requestId), rule, ClockState.WAITING, null, null, null, longest);
	}

	/** The clock runs from {@code at}: its times on its calendar, and who is told at once. */
	private void begin(RunningClock running, RequestRow request, Instant at) {
		ClockRule rule = running.rule();
		ClockTimes times = times(rule, request, at);
		jdbc.sql("""
				update standard.request_clock set state = 'RUNNING', started_at = :at, warn_at = :warn, due_at = :due,
				       fired = 0, next_fire_at = :warn, waiting_until = null where id = :id""")
			.param("at", offset(at))
			.param("warn", offset(times.warnAt()))
			.param("due", offset(times.dueAt()))
			.param("id", running.id())
			.update();
		Notifier.Batch told = notifier.batch();
		told.started(running.id(), request, rule, times.dueAt(), at);
		told.flush();
		started(running.id(), request, rule, times.dueAt(), at);
	}

	private void started(long clockId, RequestRow request, ClockRule rule, Instant dueAt, Instant at) {
		events.publishEvent(new ClockStarted(clockId, request.requestId(), request.siteId(), rule.kind(), dueAt, at));
	}

	private void pause(RunningClock running, Instant at) {
		jdbc.sql("update standard.request_clock set state = 'PAUSED', paused_at = :at, next_fire_at = null where id = :id")
			.param("at", offset(at))
			.param("id", running.id())
			.update();
	}

	private void resume(RunningClock running, Instant at) {
		ClockRule rule = running.rule();
		ClockTimes times = new ClockTimes(running.warnAt(), running.dueAt()).resumed(running.pausedAt(), at,
				rule.target().unit().business(), calendar(rule, running.siteId()));
		Instant next = ClockSweep.pointAt(running.fired(), times.warnAt(), times.dueAt(), rule);
		jdbc.sql("""
				update standard.request_clock set state = 'RUNNING', warn_at = :warn, due_at = :due, paused_at = null,
				       paused_ms = paused_ms + :paused, next_fire_at = :next where id = :id""")
			.param("warn", offset(times.warnAt()))
			.param("due", offset(times.dueAt()))
			.param("paused", Duration.between(running.pausedAt(), at).toMillis())
			.param("next", offset(next))
			.param("id", running.id())
			.update();
		events.publishEvent(new ClockRescheduled(running.id(), running.requestId(), running.siteId(), rule.kind(),
				times.dueAt(), at));
	}

	/** Stopped in time (met), or after its due time (breached, even when the sweep had not yet seen it). */
	private void stop(RunningClock running, Instant at) {
		boolean late = running.state() == ClockState.BREACHED
				|| (running.state() == ClockState.RUNNING && at.isAfter(running.dueAt()));
		jdbc.sql("""
				update standard.request_clock set state = :state, stopped_at = :at, next_fire_at = null,
				       paused_ms = paused_ms + :paused, paused_at = null where id = :id""")
			.param("state", (late ? ClockState.BREACHED : ClockState.MET).name())
			.param("at", offset(at))
			.param("paused", running.pausedAt() == null ? 0 : Duration.between(running.pausedAt(), at).toMillis())
			.param("id", running.id())
			.update();
		if (!late) {
			events.publishEvent(new ClockMet(running.id(), running.requestId(), running.siteId(), running.rule().kind(),
					running.dueAt(), at));
		}
	}

	private void cancel(RunningClock running, Instant at) {
		jdbc.sql("update standard.request_clock set state = 'CANCELLED', stopped_at = :at, next_fire_at = null where id = :id")
			.param("at", offset(at))
			.param("id", running.id())
			.update();
	}

	/** A clock row: running from {@code startedAt} with its times, or waiting until {@code waitingUntil} at the longest. */
	private long insert(RequestRow request, ClockRule rule, ClockState state, Instant startedAt, Instant warnAt,
			Instant dueAt, Instant waitingUntil) {
		return jdbc.sql("""
				insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, warn_at,
				                                    due_at, waiting_until, next_fire_at, created_at)
				values (:request, :site, :rule, :kind, :state, :started, :warn, :due, :until, :next, :at) returning id""")
			.param("request", request.requestId())
			.param("site", request.siteId())
			.param("rule", rule.id())
			.param("kind", rule.kind().name())
			.param("state", state.name())
			.param("started", offset(startedAt))
			.param("warn", offset(warnAt))
			.param("due", offset(dueAt))
			.param("until", offset(waitingUntil))
			.param("next", offset(waitingUntil != null ? waitingUntil : warnAt))
			.param("at", offset(clock.instant()))
			.query(Long.class)
			.single();
	}

	private ClockTimes times(ClockRule rule, RequestRow request, Instant at) {
		return ClockTimes.start(at, rule.target(), rule.untilAppointment() ? request.appointment() : null,
				rule.warnPercent(), calendar(rule, request.siteId()));
	}

	private CalendarModel calendar(ClockRule rule, long siteId) {
		return rule.calendarId() == null ? calendars.forSite(siteId) : calendars.model(rule.calendarId());
	}

	private List<ClockRule> rulesOf(long requestId) {
		return jdbc.sql("select standard_id from standard.request_standard where request_id = :request")
			.param("request", requestId)
			.query((rs, n) -> (Long) rs.getObject("standard_id"))
			.optional()
			.flatMap(standards::byId)
			.map(ServiceStandard::clocks)
			.orElse(List.of());
	}

	private List<RunningClock> active(long requestId) {
		return jdbc.sql(RunningClock.SELECT + " where c.request_id = :request and c.state in ('WAITING', 'RUNNING', 'PAUSED', 'BREACHED') and c.stopped_at is null order by c.id for update of c")
			.param("request", requestId)
			.query((rs, n) -> RunningClock.of(rs, standards))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
	}

	private Optional<RunningClock> load(long id) {
		return jdbc.sql(RunningClock.SELECT + " where c.id = :id")
			.param("id", id)
			.query((rs, n) -> RunningClock.of(rs, standards))
			.optional()
			.flatMap(o -> o);
	}

	private RequestRow request(long requestId) {
		return jdbc.sql("select * from standard.request_standard where request_id = :request")
			.param("request", requestId)
			.query((rs, n) -> RequestRow.of(rs))
			.single();
	}

	static OffsetDateTime offset(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
