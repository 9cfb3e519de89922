package io.kefu.standard.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.Assignment;
import io.kefu.request.Channel;
import io.kefu.request.FieldWork;
import io.kefu.request.NewRequest;
import io.kefu.request.PauseReason;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.Role;
import io.kefu.standard.CalendarManagement;
import io.kefu.standard.ClockBreached;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ClockState;
import io.kefu.standard.ClockWarned;
import io.kefu.standard.NewCalendar;
import io.kefu.standard.NotificationLevel;
import io.kefu.standard.OnTimeFigure;
import io.kefu.standard.RainyDayRecorded;
import io.kefu.standard.RequestClockView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manuals' standards as clocks on real requests: started, stopped, paused and
 * fired by the sweep as if time had passed (the sweep is given the instant to sweep at).
 */
@KefuIntegrationTest
@RecordApplicationEvents
class RequestClockTests {

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	FieldWork work;

	@Autowired
	ClockManagement clocks;

	@Autowired
	ClockSweep sweep;

	@Autowired
	CalendarManagement calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEvents events;

	FieldSite site;

	TestUser agent;

	TestUser technician;

	TestUser supervisor;

	@BeforeEach
	void aSite() {
		site = mother.fieldSite();
		agent = site.agent();
		technician = site.technician();
		supervisor = mother.staffMember(site.siteAndAdmin(), Role.SUPERVISOR, "主管老孙", null);
	}

	@Test
	void anUrgentRepairIsDispatchedInTimeButArrivesLateAndTheLadderIsTold() {
		long id = register(RequestType.REPAIR, "给水", Priority.URGENT, Channel.PHONE, false);
		RequestClockView dispatch = only(id, ClockKind.DISPATCH);
		assertThat(dispatch.state()).isEqualTo(ClockState.RUNNING);
		assertThat(Duration.between(dispatch.startedAt(), dispatch.dueAt())).hasMinutes(15);

		dispatch(id);
		assertThat(only(id, ClockKind.DISPATCH).state()).isEqualTo(ClockState.MET);
		RequestClockView arrival = only(id, ClockKind.ARRIVAL);
		assertThat(Duration.between(arrival.startedAt(), arrival.dueAt())).hasMinutes(30);

		sweep.sweepOnce(arrival.startedAt().plus(Duration.ofMinutes(20)));
		assertThat(only(id, ClockKind.ARRIVAL).warned()).isTrue();
		assertThat(only(id, ClockKind.ARRIVAL).colour()).isEqualTo("warning");
		assertThat(bell(technician, id)).containsExactly(NotificationLevel.WARNING);

		sweep.sweepOnce(arrival.startedAt().plus(Duration.ofMinutes(31)));
		assertThat(only(id, ClockKind.ARRIVAL).state()).isEqualTo(ClockState.BREACHED);
		assertThat(bell(agent, id)).contains(NotificationLevel.BREACH);
		assertThat(bell(supervisor, id)).containsExactly(NotificationLevel.BREACH);
		assertThat(events.stream(ClockWarned.class).filter(e -> e.requestId() == id)).hasSize(1);
		assertThat(events.stream(ClockBreached.class).filter(e -> e.requestId() == id)).hasSize(1);

		work.accept(technician.user(), id, version(id));
		work.arrive(technician.user(), id, version(id), null);
		RequestClockView late = only(id, ClockKind.ARRIVAL);
		assertThat(late.state()).as("still breached once stopped").isEqualTo(ClockState.BREACHED);
		assertThat(late.stoppedAt()).isNotNull();
		assertThat(late.colour()).isEqualTo("danger");
	}

	@Test
	void aMajorComplaintTellsTheSiteManagerAtOnceAndPausesWhileOnHold() {
		long id = register(RequestType.COMPLAINT, "噪音", Priority.NORMAL, Channel.PHONE, true);
		assertThat(bell(site.siteManager(), id)).containsExactly(NotificationLevel.STARTED);
		assertThat(bell(supervisor, id)).containsExactly(NotificationLevel.STARTED);
		RequestClockView completion = only(id, ClockKind.COMPLETION);
		assertThat(completion.state()).isEqualTo(ClockState.RUNNING);

		requests.dispatch(agent.user(), id, version(id),
				new Assignment(site.engineering(), site.siteManager().username(), null, null));
		work.accept(site.siteManager().user(), id, version(id));
		work.arrive(site.siteManager().user(), id, version(id), null);
		assertThat(only(id, ClockKind.DAILY_FOLLOW_UP).state()).isEqualTo(ClockState.RUNNING);
		requests.followUp(site.siteManager().user(), id, "已约谈施工方");
		assertThat(clocksOf(id, ClockKind.DAILY_FOLLOW_UP)).extracting(RequestClockView::state)
			.as("met for today, running again for tomorrow")
			.containsExactlyInAnyOrder(ClockState.MET, ClockState.RUNNING);
		work.pause(site.siteManager().user(), id, version(id), PauseReason.WAITING_CUSTOMER, null);
		RequestClockView paused = only(id, ClockKind.COMPLETION);
		assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
		sweep.sweepOnce(completion.dueAt().plus(Duration.ofDays(3)));
		assertThat(only(id, ClockKind.COMPLETION).state()).as("a paused clock does not fall due").isEqualTo(ClockState.PAUSED);

		work.resume(site.siteManager().user(), id, version(id));
		RequestClockView resumed = only(id, ClockKind.COMPLETION);
		assertThat(resumed.state()).isEqualTo(ClockState.RUNNING);
		assertThat(resumed.dueAt()).isAfterOrEqualTo(completion.dueAt());
	}

	@Test
	void aComplaintIsCalledBackWithinThreeWorkingDaysOfItsResolution() {
		long id = register(RequestType.COMPLAINT, "噪音", Priority.NORMAL, Channel.PHONE, false);
		requests.resolve(agent.user(), id, version(id), new Resolution("已协调", true, null, null, null, null, null));
		assertThat(only(id, ClockKind.COMPLETION).state()).isEqualTo(ClockState.MET);
		RequestClockView callback = only(id, ClockKind.CALLBACK);
		assertThat(callback.state()).isEqualTo(ClockState.RUNNING);
		assertThat(callback.dueAt()).isAfter(callback.startedAt().plus(Duration.ofDays(2)));
		requests.close(agent.user(), id, version(id), "回访满意");
		assertThat(only(id, ClockKind.CALLBACK).state()).isEqualTo(ClockState.MET);
		assertThat(clocks.clocksOf(agent.user(), id)).noneMatch(RequestClockView::active);
	}

	@Test
	void aLeakRepairIsCalledBackAfterTheFirstRainyDayOrAtTheLongestWait() {
		long rainy = completedLeak();
		long dry = completedLeak();
		RequestClockView waiting = only(rainy, ClockKind.CALLBACK);
		assertThat(waiting.state()).isEqualTo(ClockState.WAITING);
		assertThat(waiting.waitingUntil()).isAfter(Instant.now().plus(Duration.ofDays(29)));

		transactions.executeWithoutResult(s -> publisher.publishEvent(
				new RainyDayRecorded(site.site().id(), LocalDate.now(KefuApplication.ZONE).plusDays(2), Instant.now().plus(Duration.ofDays(2)))));
		RequestClockView started = only(rainy, ClockKind.CALLBACK);
		assertThat(started.state()).isEqualTo(ClockState.RUNNING);
		assertThat(started.startedAt()).isAfter(Instant.now().plus(Duration.ofDays(1)));
		assertThat(only(dry, ClockKind.CALLBACK).state()).as("rain on another day started both")
			.isEqualTo(ClockState.RUNNING);

		long later = completedLeak();
		// 30 days at the latest, then one working day (at most the Spring Festival's nine days off later).
		sweep.sweepOnce(Instant.now().plus(Duration.ofDays(45)));
		RequestClockView waitedOut = only(later, ClockKind.CALLBACK);
		assertThat(waitedOut.state()).as("started at the longest wait, then overdue").isEqualTo(ClockState.BREACHED);
	}

	@Test
	void eachRequestGetsTheClocksOfTheFirstStandardThatMatchesIt() {
		long lift = register(RequestType.REPAIR, "电梯", Priority.NORMAL, Channel.PHONE, false);
		assertThat(only(lift, ClockKind.DISPATCH).dueAt()).as("a normal repair: 2 working hours")
			.isAfter(only(lift, ClockKind.DISPATCH).startedAt().plus(Duration.ofMinutes(119)));
		long leak = register(RequestType.REPAIR, "渗漏水", Priority.URGENT, Channel.PHONE, false);
		assertThat(clocks.clocksOf(agent.user(), leak)).extracting(RequestClockView::kind)
			.as("the leak standard comes before the urgent one").containsExactly(ClockKind.DISPATCH);
		assertThat(Duration.between(only(leak, ClockKind.DISPATCH).startedAt(), only(leak, ClockKind.DISPATCH).dueAt()))
			.isNotEqualTo(Duration.ofMinutes(15));
		long visit = register(RequestType.INQUIRY, "其他", Priority.NORMAL, Channel.VISIT, false);
		assertThat(clocks.clocksOf(agent.user(), visit)).extracting(RequestClockView::kind)
			.containsExactly(ClockKind.REPORT_BACK);
		long help = register(RequestType.HELP, "代办", Priority.NORMAL, Channel.PHONE, false);
		assertThat(clocks.clocksOf(agent.user(), help)).extracting(RequestClockView::kind)
			.containsExactly(ClockKind.COMPLETION);
	}

	@Test
	void twoSweepsAtOnceFireEachStepExactlyOnce() throws Exception {
		List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(register(RequestType.REPAIR, "给水", Priority.URGENT, Channel.PHONE, false));
		}
		Instant later = Instant.now().plus(Duration.ofHours(1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = () -> sweep.sweepOnce(later);
			pool.invokeAll(List.of(run, run)).forEach(f -> {
				try {
					f.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		finally {
			pool.shutdown();
		}
		sweep.sweepOnce(later);
		for (long id : ids) {
			assertThat(bell(agent, id)).as("warned once").containsExactly(NotificationLevel.WARNING);
			assertThat(bell(supervisor, id)).as("breached once").containsExactly(NotificationLevel.BREACH);
			assertThat(jdbc.sql("select fired from standard.request_clock where request_id = :id and kind = 'DISPATCH'")
				.param("id", id)
				.query(Integer.class)
				.single()).isEqualTo(2);
		}
	}

	@Test
	void onTimeFiguresCountMetBreachedAndRunningClocksPerStandard() {
		long answered = register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);
		long late = register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);
		register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);
		requests.resolve(agent.user(), answered, version(answered),
				new Resolution("已答复", null, null, null, null, true, "谢谢您的建议"));
		// Three days ahead every running clock of the shared test database is due: sweep them all.
		Instant overdue = only(late, ClockKind.SUGGESTION_REPLY).dueAt().plusSeconds(60);
		while (sweep.sweepOnce(overdue) == ClockSweep.BATCH) {
			// the next batch
		}
		requests.resolve(agent.user(), late, version(late), new Resolution("已答复", null, null, null, null, false, "暂不采纳，谢谢"));
		register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);

		Instant from = Instant.now().minus(Duration.ofHours(1));
		List<OnTimeFigure> figures = clocks.onTime(agent.user(), site.site().id(), from, from.plus(Duration.ofHours(2)));
		assertThat(figures).singleElement().satisfies(f -> {
			assertThat(f.standardName()).isEqualTo("建议");
			assertThat(f.kind()).isEqualTo(ClockKind.SUGGESTION_REPLY);
			assertThat(f.met()).isEqualTo(1);
			assertThat(f.breached()).as("the late answer, and the unanswered one overdue by the same sweep").isEqualTo(2);
			assertThat(f.running()).isEqualTo(1);
			assertThat(f.onTimeRate()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(0.01));
		});
		FieldSite other = mother.fieldSite();
		assertThat(clocks.onTime(other.agent().user(), site.site().id(), from, from.plus(Duration.ofHours(2)))).isEmpty();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> clocks.onTime(agent.user(), null, from, from))
			.hasMessageContaining("开始须早于结束");
	}

	@Test
	void aCalendarChangeWorksOutTheRunningClocksAgainAndLeavesFinishedOnesAlone() {
		long done = register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);
		requests.resolve(agent.user(), done, version(done), new Resolution("已答复", null, null, null, null, true, "谢谢"));
		long running = register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);
		RequestClockView before = only(running, ClockKind.SUGGESTION_REPLY);
		RequestClockView finished = only(done, ClockKind.SUGGESTION_REPLY);

		long allDay = calendars.create(site.admin().user(), new NewCalendar("全天" + site.site().code(), true, false, null, null));
		calendars.assign(site.admin().user(), site.site().id(), allDay);

		RequestClockView after = only(running, ClockKind.SUGGESTION_REPLY);
		assertThat(after.dueAt()).as("three days round the clock").isEqualTo(after.startedAt().plus(Duration.ofDays(3)));
		assertThat(after.dueAt()).isNotEqualTo(before.dueAt());
		assertThat(only(done, ClockKind.SUGGESTION_REPLY).dueAt()).isEqualTo(finished.dueAt());
		assertThat(after.changes()).singleElement().satisfies(change -> {
			assertThat(change.reason()).isEqualTo("工作日历已修改");
			assertThat(change.oldDueAt()).isEqualTo(before.dueAt());
			assertThat(change.newDueAt()).isEqualTo(after.dueAt());
		});
		assertThat(only(done, ClockKind.SUGGESTION_REPLY).changes()).isEmpty();
	}

	@Test
	void anotherSitesStaffDoNotSeeTheClocks() {
		long id = register(RequestType.SUGGESTION, "设施", Priority.NORMAL, Channel.ONLINE, false);
		assertThat(only(id, ClockKind.SUGGESTION_REPLY).state()).isEqualTo(ClockState.RUNNING);
		FieldSite other = mother.fieldSite();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> clocks.clocksOf(other.agent().user(), id))
			.hasMessageContaining("没有找到该工单");
		assertThat(clocks.mostUrgent(other.agent().user(), List.of(id))).isEmpty();
		assertThat(clocks.mostUrgent(agent.user(), List.of(id))).containsKey(id);
	}

	private long completedLeak() {
		long id = register(RequestType.REPAIR, "渗漏水", Priority.NORMAL, Channel.PHONE, false);
		dispatch(id);
		work.accept(technician.user(), id, version(id));
		work.arrive(technician.user(), id, version(id), null);
		work.complete(technician.user(), id, version(id), "已封堵", "李女士");
		return id;
	}

	private void dispatch(long id) {
		requests.dispatch(agent.user(), id, version(id),
				new Assignment(site.engineering(), technician.username(), null, null));
	}

	private long register(RequestType type, String category, Priority priority, Channel channel, boolean major) {
		long categoryId = requests.categories(type).stream().filter(c -> c.name().equals(category)).findFirst()
			.orElseThrow().id();
		return requests.register(agent.user(), new NewRequest(site.site().id(), type, categoryId, channel, priority, major,
				null, "李女士", "13800001111", false, null, RequestMother.ROOM, null, "测试", null), null).id();
	}

	private RequestClockView only(long requestId, ClockKind kind) {
		List<RequestClockView> found = clocksOf(requestId, kind).stream().filter(c -> c.state() != ClockState.CANCELLED)
			.toList();
		assertThat(found).as(kind.name()).hasSize(1);
		return found.get(0);
	}

	private List<RequestClockView> clocksOf(long requestId, ClockKind kind) {
		return clocks.clocksOf(agent.user(), requestId).stream().filter(c -> c.kind() == kind).toList();
	}

	private List<NotificationLevel> bell(TestUser user, long requestId) {
		return jdbc.sql("select level from standard.notification where account_id = :me and request_id = :request order by id")
			.param("me", user.user().accountId())
			.param("request", requestId)
			.query((rs, n) -> NotificationLevel.valueOf(rs.getString(1)))
			.list();
	}

	private int version(long id) {
		return queries.details(agent.user(), id).version();
	}
}
