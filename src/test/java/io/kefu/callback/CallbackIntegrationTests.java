package io.kefu.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.kefu.shared.Satisfaction;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.HistoryEntry;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ClockState;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.Recipient;
import io.kefu.standard.StandardInput;
import io.kefu.standard.StandardManagement;
import io.kefu.standard.TargetUnit;
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

/**
 * Callbacks on real requests: created by the listener when a request is resolved,
 * falling due by the callback clock, tried, completed, re-dispatched, given up on,
 * rated online and counted.
 */
@KefuIntegrationTest
@RecordApplicationEvents
class CallbackIntegrationTests {

	@Autowired
	CallbackMother mother;

	@Autowired
	RequestMother requestMother;

	@Autowired
	CallbackManagement callbacks;

	@Autowired
	CallbackQueries queries;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ServiceRequestQueries requestQueries;

	@Autowired
	ClockManagement clocks;

	@Autowired
	StandardManagement standards;

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

	@BeforeEach
	void aSite() {
		site = mother.site();
		agent = site.agent();
	}

	@Test
	void aRepairFallsDueByItsCallbackClockAndShowsItsRequestAndScript() {
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		RequestClockView clock = clocks.due(id, ClockKind.CALLBACK).orElseThrow();
		assertThat(callback.dueAt()).as("the callback clock's due time: 48 h after completion").isEqualTo(clock.dueAt());
		assertThat(callback.waitingForRain()).isFalse();
		assertThat(callback.phone()).isEqualTo("13800001111");
		assertThat(callback.place()).isEqualTo(RequestMother.ROOM);
		assertThat(callback.result()).isEqualTo("已更换阀门，试水正常");

		CallbackDetails details = queries.details(agent.user(), callback.id());
		assertThat(details.script()).as("the library's callback opening, filled in")
			.contains("工号" + agent.username(), "我姓" + agent.user().displayName().substring(0, 1), callback.number(),
					"想了解一下处理结果您是否满意");
		assertThat(details.history()).extracting(HistoryEntry::action).contains("办结", "完工", "受理");
		assertThat(queries.queue(agent.user(), site.site().id(), null, null).items()).extracting(CallbackSummary::id)
			.containsExactly(callback.id());
		assertThat(queries.counts(agent.user(), site.site().id())).isEqualTo(new CallbackCounts(1, 0, 0));
	}

	@Test
	void theDueTimeFollowsTheCallbackClockWhenTheSitesStandardChanges() {
		long standard = standards.create(site.admin().user(), repairCallbackWithin(48));
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		assertThat(callback.dueAt()).isEqualTo(clocks.due(id, ClockKind.CALLBACK).orElseThrow().dueAt());

		int recomputed = standards.update(site.admin().user(), standard, 0, repairCallbackWithin(72));
		assertThat(recomputed).isEqualTo(1);
		Instant moved = clocks.due(id, ClockKind.CALLBACK).orElseThrow().dueAt();
		assertThat(moved).isEqualTo(callback.dueAt().plus(Duration.ofHours(24)));
		assertThat(mother.openCallback(site, id).dueAt()).as("the callback moved with its clock").isEqualTo(moved);
	}

	/** The site's own standard for repairs: one callback clock, this many hours after completion. */
	private StandardInput repairCallbackWithin(long hours) {
		return new StandardInput(site.site().id(), 1, "本项目报修回访", Set.of(RequestType.REPAIR), Set.of(), Set.of(),
				Set.of(), null, true,
				List.of(new StandardInput.Clock(ClockKind.CALLBACK, ClockTrigger.COMPLETED, Set.of(ClockTrigger.CLOSED),
						false, hours, TargetUnit.CALENDAR_HOURS, false, null, 80, null, Set.of(), Set.of(Recipient.OWNER),
						Set.of(Recipient.SUPERVISOR), List.of())));
	}

	@Test
	void theListenerCreatesOneCallbackPerResolutionEvenWhenTheEventComesAgain() {
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		var resolved = new io.kefu.request.ServiceRequestResolved(id, site.site().id(), RequestType.REPAIR, null,
				io.kefu.request.Priority.NORMAL, false, callback.resolvedAt());
		transactions.executeWithoutResult(s -> publisher.publishEvent(resolved));
		mother.awaitResolutionHandled(id);
		assertThat(queries.ofRequest(agent.user(), id)).hasSize(1);
	}

	@Test
	void aLeakRepairWaitsForRainThenFallsDueWithItsClock() {
		long id = mother.resolvedRepair(site, "渗漏水");
		CallbackSummary waiting = mother.openCallback(site, id);
		assertThat(waiting.waitingForRain()).isTrue();
		assertThat(waiting.dueAt()).isNull();
		assertThat(queries.counts(agent.user(), site.site().id()).waitingForRain()).isEqualTo(1);

		LocalDate today = LocalDate.now(KefuApplication.ZONE);
		transactions.executeWithoutResult(s -> publisher.publishEvent(
				new RainyDayRecorded(site.site().id(), today, Instant.now())));
		await().atMost(Duration.ofSeconds(20)).until(() -> mother.open(site, id).orElseThrow().dueAt() != null);
		CallbackSummary due = mother.open(site, id).orElseThrow();
		assertThat(due.waitingForRain()).isFalse();
		assertThat(due.dueAt()).isEqualTo(clocks.due(id, ClockKind.CALLBACK).orElseThrow().dueAt());
	}

	@Test
	void aSatisfiedCustomerClosesTheRequestAndMeetsTheCallbackClock() {
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		callbacks.complete(agent.user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.SATISFIED, "师傅很快"));

		assertThat(requestQueries.details(agent.user(), id).status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(clocks.due(id, ClockKind.CALLBACK).orElseThrow().state()).isEqualTo(ClockState.MET);
		CallbackDetails done = queries.details(agent.user(), callback.id());
		assertThat(done.callback().state()).isEqualTo(CallbackState.COMPLETED);
		assertThat(done.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(done.attempts()).extracting(CallbackAttempt::result).containsExactly(CallbackResult.REACHED);
		assertThat(events.stream(CallbackCompleted.class).filter(e -> e.requestId() == id))
			.singleElement()
			.satisfies(e -> assertThat(e.onTime()).isTrue());
		assertThat(queries.counts(agent.user(), site.site().id()).open()).isZero();
	}

	@Test
	void aDissatisfiedCustomerHasTheRequestRedispatchedAndANewCallbackFollowsTheNextResolution() {
		long id = mother.resolvedRepair(site);
		CallbackSummary first = mother.openCallback(site, id);
		callbacks.complete(agent.user(), first.id(), first.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.DISSATISFIED, "还在滴水"));

		var reopened = requestQueries.details(agent.user(), id);
		assertThat(reopened.status()).isEqualTo(RequestStatus.REGISTERED);
		assertThat(reopened.history().get(0).note()).isEqualTo("回访不满意：还在滴水");
		assertThat(mother.open(site, id)).isEmpty();

		mother.completeAndResolve(site, id);
		CallbackSummary second = mother.openCallback(site, id);
		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(queries.ofRequest(agent.user(), id)).extracting(CallbackSummary::state)
			.containsExactly(CallbackState.OPEN, CallbackState.COMPLETED);
	}

	@Test
	void theCustomerIsUnreachableAfterThreeFailedTriesNotBeforeAndARescheduleIsNoFailure() {
		long id = mother.resolvedRepair(site);
		long callback = mother.openCallback(site, id).id();
		attempt(callback, CallbackResult.NO_ANSWER, null);
		attempt(callback, CallbackResult.RESCHEDULED, Instant.now().plus(Duration.ofHours(3)));
		attempt(callback, CallbackResult.REFUSED, null);
		CallbackDetails stillOpen = queries.details(agent.user(), callback);
		assertThat(stillOpen.callback().state()).isEqualTo(CallbackState.OPEN);
		assertThat(stillOpen.callback().nextTryAt()).isNull();
		assertThat(requestQueries.details(agent.user(), id).status()).isEqualTo(RequestStatus.RESOLVED);

		attempt(callback, CallbackResult.INVALID_NUMBER, null);
		assertThat(queries.details(agent.user(), callback).callback().state()).isEqualTo(CallbackState.UNREACHABLE);
		var closed = requestQueries.details(agent.user(), id);
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(closed.history().get(0).note()).contains("无法联系");
		assertThat(events.stream(CallbackFailed.class).filter(e -> e.requestId() == id))
			.singleElement()
			.satisfies(e -> assertThat(e.failedAttempts()).isEqualTo(3));
	}

	@Test
	void failedTriesOlderThanTheWindowDoNotCount() {
		long id = mother.resolvedRepair(site);
		long callback = mother.openCallback(site, id).id();
		attempt(callback, CallbackResult.NO_ANSWER, null);
		attempt(callback, CallbackResult.NO_ANSWER, null);
		jdbc.sql("update callback.callback_attempt set attempted_at = attempted_at - interval '3 days' where callback_id = :id")
			.param("id", callback)
			.update();
		attempt(callback, CallbackResult.NO_ANSWER, null);
		assertThat(queries.details(agent.user(), callback).callback().state()).isEqualTo(CallbackState.OPEN);
	}

	@Test
	void mergedRequestsGetOneCallbackPerRequester() {
		long parent = requestMother.dispatched(site, RequestType.REPAIR, "给水", io.kefu.request.Priority.NORMAL,
				"楼道水管爆裂", null);
		long first = register("李先生", "13800002222");
		long second = register("赵女士", "13800003333");
		requests.merge(agent.user(), parent, List.of(first, second), "同一处水管");
		mother.completeAndResolve(site, parent);

		CallbackSummary ofParent = mother.openCallback(site, parent);
		CallbackSummary ofFirst = mother.openCallback(site, first);
		CallbackSummary ofSecond = mother.openCallback(site, second);
		assertThat(List.of(ofParent.requester(), ofFirst.requester(), ofSecond.requester()))
			.containsExactly("李女士", "李先生", "赵女士");

		callbacks.complete(agent.user(), ofFirst.id(), ofFirst.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.VERY_SATISFIED, null));
		assertThat(requestQueries.details(agent.user(), first).status()).as("a duplicate is archived on its own")
			.isEqualTo(RequestStatus.CLOSED);
		callbacks.complete(agent.user(), ofSecond.id(), ofSecond.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.VERY_DISSATISFIED, "我家还是没水"));
		var redone = requestQueries.details(agent.user(), second);
		assertThat(redone.status()).isEqualTo(RequestStatus.REGISTERED);
		assertThat(redone.parentId()).as("worked again on its own").isNull();
		assertThat(requestQueries.details(agent.user(), parent).status()).isEqualTo(RequestStatus.RESOLVED);
	}

	@Test
	void twoAgentsCompletingTheSameCallbackAtOnceOneWinsAndNothingIsHalfSaved() throws Exception {
		TestUser colleague = requestMother.staffMember(site.siteAndAdmin(), Role.AGENT, "客服小陈", null);
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> done = new ArrayList<>();
		for (TestUser who : List.of(agent, colleague)) {
			done.add(pool.submit(() -> {
				start.await();
				callbacks.complete(who.user(), callback.id(), callback.version(),
						new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.SATISFIED, null));
				return null;
			}));
		}
		start.countDown();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		for (Future<?> each : done) {
			try {
				each.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failures.add(ex.getCause());
			}
		}
		pool.shutdown();
		assertThat(failures).singleElement()
			.isInstanceOf(StaleDataException.class)
			.extracting(Throwable::getMessage)
			.asString()
			.contains("已被他人处理");
		CallbackDetails details = queries.details(agent.user(), callback.id());
		assertThat(details.attempts()).hasSize(1);
		assertThat(requestQueries.details(agent.user(), id).history()).filteredOn(h -> h.action().equals("回访后归档"))
			.hasSize(1);
	}

	@Test
	void aResidentRatesTheirOwnResolvedRequestOnline() {
		long household = mother.household(site);
		long id = mother.resolvedComplaint(site, household);
		CallbackSummary callback = mother.openCallback(site, id);

		assertThatThrownBy(() -> callbacks.rateOnline(id, household + 1000, Satisfaction.SATISFIED, null))
			.isInstanceOf(NotFoundException.class);
		callbacks.rateOnline(id, household, Satisfaction.VERY_SATISFIED, "处理及时");

		CallbackDetails rated = queries.details(agent.user(), callback.id());
		assertThat(rated.method()).isEqualTo(CallbackMethod.ONLINE);
		assertThat(rated.satisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
		assertThat(requestQueries.details(agent.user(), id).status()).isEqualTo(RequestStatus.CLOSED);
		assertThatThrownBy(() -> callbacks.rateOnline(id, household, Satisfaction.SATISFIED, null))
			.hasMessage("该工单已归档，不能再评价");

		long open = mother.complaint(site, household);
		assertThatThrownBy(() -> callbacks.rateOnline(open, household, Satisfaction.SATISFIED, null))
			.hasMessageContaining("尚未办结");
		long notTheirs = requestMother.dispatched(site, RequestType.REPAIR, "给水", io.kefu.request.Priority.NORMAL,
				"水管", null);
		assertThatThrownBy(() -> callbacks.rateOnline(notTheirs, household, Satisfaction.SATISFIED, null))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void figuresOfAHandMadeSetOfCallbacks() {
		TestUser supervisor = requestMother.staffMember(site.siteAndAdmin(), Role.SUPERVISOR, "主管老孙", null);
		Instant from = Instant.now().minus(Duration.ofHours(1));
		long satisfied = mother.resolvedRepair(site);
		long late = mother.resolvedRepair(site);
		long complaint = mother.resolvedComplaint(site, null);
		long unreachable = mother.resolvedRepair(site);
		long open = mother.resolvedRepair(site);
		long withdrawn = mother.resolvedRepair(site);

		complete(agent, satisfied, Satisfaction.SATISFIED, null);
		mother.openCallback(site, late);
		jdbc.sql("update callback.callback set due_at = now() - interval '1 hour' where request_id = :id")
			.param("id", late)
			.update();
		complete(agent, late, Satisfaction.VERY_SATISFIED, null);
		complete(supervisor, complaint, Satisfaction.DISSATISFIED, "没有道歉");
		long gaveUp = mother.openCallback(site, unreachable).id();
		for (int i = 0; i < 3; i++) {
			attempt(gaveUp, CallbackResult.NO_ANSWER, null);
		}
		mother.openCallback(site, open);
		mother.openCallback(site, withdrawn);
		requests.reopen(agent.user(), withdrawn, mother.version(site, withdrawn), "客户来电说又坏了");
		await().atMost(Duration.ofSeconds(20)).until(() -> mother.open(site, withdrawn).isEmpty());
		Instant to = Instant.now().plus(Duration.ofHours(1));

		assertThat(queries.figures(agent.user(), site.site().id(), FigureDimension.SITE, from, to)).singleElement()
			.satisfies(f -> {
				assertThat(List.of(f.required(), f.done(), f.onTime(), f.satisfied(), f.unreachable()))
					.containsExactly(5L, 3L, 2L, 2L, 1L);
				assertThat(List.of(f.callbackRate(), f.onTimeRate(), f.satisfactionRate(), f.unreachableRate()))
					.containsExactly(60.0, 66.7, 66.7, 20.0);
				assertThat(f.label()).contains(site.site().name());
			});
		assertThat(queries.figures(agent.user(), site.site().id(), FigureDimension.TYPE, from, to))
			.extracting(f -> f.key() + ":" + f.required() + "/" + f.done() + "/" + f.onTime() + "/" + f.satisfied() + "/"
					+ f.unreachable())
			.containsExactly("COMPLAINT:1/1/1/0/0", "REPAIR:4/2/1/2/1");
		assertThat(queries.figures(agent.user(), site.site().id(), FigureDimension.AGENT, from, to))
			.extracting(f -> f.label() + ":" + f.required() + "/" + f.done() + "/" + f.unreachable())
			.containsExactlyInAnyOrder("客服小王:3/2/1", "主管老孙:1/1/0");
		assertThat(queries.figures(agent.user(), site.site().id(), FigureDimension.SITE, to, to.plusSeconds(60)))
			.isEmpty();
	}

	@Test
	void badInputIsRefusedInChineseAndChangesNothing() {
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		long unresolved = requestMother.dispatched(site, RequestType.REPAIR, "给水", io.kefu.request.Priority.NORMAL,
				"水管", null);

		assertThatThrownBy(() -> callbacks.schedule(agent.user(), unresolved)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("尚未办结");
		assertThatThrownBy(() -> Satisfaction.parse("超级满意")).isInstanceOf(InvalidInputException.class)
			.hasMessage("满意度只能是：非常满意、满意、一般、不满意、非常不满意");
		assertThatThrownBy(() -> CallbackMethod.parse("飞鸽传书")).hasMessage("回访方式只能是：电话、上门、网上、短信");
		assertThatThrownBy(() -> CallbackResult.parse("占线")).hasMessageStartingWith("回访结果只能是：接通、未接通");
		assertThatThrownBy(() -> callbacks.complete(agent.user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.PHONE, null, null))).hasMessageContaining("请选择满意度");
		assertThatThrownBy(() -> callbacks.complete(agent.user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.DISSATISFIED, " ")))
			.hasMessageContaining("不满意时请填写原因");
		assertThatThrownBy(() -> callbacks.attempt(agent.user(), callback.id(), callback.version(),
				new NewAttempt(CallbackMethod.PHONE, CallbackResult.NO_ANSWER, Instant.now().minusSeconds(60), null)))
			.hasMessage("下次回访时间不能早于现在");
		assertThatThrownBy(() -> callbacks.attempt(agent.user(), callback.id(), callback.version(),
				new NewAttempt(CallbackMethod.PHONE, CallbackResult.RESCHEDULED, null, null)))
			.hasMessageContaining("改约须填写");
		assertThatThrownBy(() -> callbacks.attempt(agent.user(), callback.id(), callback.version() + 1,
				new NewAttempt(CallbackMethod.PHONE, CallbackResult.NO_ANSWER, null, null)))
			.isInstanceOf(StaleDataException.class);
		CallbackDetails unchanged = queries.details(agent.user(), callback.id());
		assertThat(unchanged.callback().version()).isEqualTo(callback.version());
		assertThat(unchanged.attempts()).isEmpty();
		assertThat(requestQueries.details(agent.user(), id).status()).isEqualTo(RequestStatus.RESOLVED);

		callbacks.complete(agent.user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.VISIT, Satisfaction.NEUTRAL, null));
		int version = queries.details(agent.user(), callback.id()).callback().version();
		assertThatThrownBy(() -> callbacks.attempt(agent.user(), callback.id(), version,
				new NewAttempt(CallbackMethod.PHONE, CallbackResult.NO_ANSWER, null, null)))
			.hasMessage("该回访已结束（已回访），不能再记录");
		assertThat(queries.details(agent.user(), callback.id()).attempts()).hasSize(1);
	}

	@Test
	void theQueuePagesThroughEveryOpenCallbackOnceTheOnesWaitingForRainLast() {
		long leak = mother.resolvedRepair(site, "渗漏水");
		long first = mother.resolvedRepair(site);
		long second = mother.resolvedRepair(site);
		List<Long> expected = List.of(mother.openCallback(site, first).id(), mother.openCallback(site, second).id(),
				mother.openCallback(site, leak).id());
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		do {
			var page = queries.queue(agent.user(), null, cursor, 1);
			page.items().forEach(c -> seen.add(c.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(expected);
		assertThatThrownBy(() -> queries.queue(agent.user(), null, "tomorrow", 1)).hasMessage("分页游标无效");
	}

	@Test
	void theQueueOfASiteReadsItsIndexAmongManyCallbacks() {
		jdbc.sql("""
				insert into callback.callback (request_id, site_id, number, type, resolved_at, due_at, state, created_at)
				select -g, 900000 + g % 20, 'X-' || g, 'REPAIR', now() - g * interval '1 minute',
				       case when g % 7 = 0 then null else now() + (g % 500) * interval '1 hour' end,
				       case when g % 5 = 0 then 'OPEN' else 'COMPLETED' end, now()
				from generate_series(1, 40000) g""").update();
		try {
			jdbc.sql("analyze callback.callback").update();
			for (String keyset : List.of("true", CallbackQueries.AFTER_DUE, CallbackQueries.AFTER_RAIN)) {
				String plan = String.join("\n", jdbc.sql("explain " + CallbackQueries.queueSql(CallbackQueries.ONE_SITE, keyset))
					.param("site", 900003L)
					.param("due", java.time.OffsetDateTime.now())
					.param("after", 0L)
					.param("limit", 51)
					.query(String.class)
					.list());
				assertThat(plan).as(plan).contains("Index Scan using callback_queue_idx").doesNotContain("Sort");
			}
		}
		finally {
			jdbc.sql("delete from callback.callback where request_id < 0").update();
		}
	}

	private long register(String name, String phone) {
		long category = requests.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("给水"))
			.findFirst().orElseThrow().id();
		return requests.register(agent.user(), new io.kefu.request.NewRequest(site.site().id(), RequestType.REPAIR,
				category, io.kefu.request.Channel.PHONE, io.kefu.request.Priority.NORMAL, false, null, name, phone, false,
				null, RequestMother.ROOM, null, "我家也没水", null), null).id();
	}

	private void attempt(long callback, CallbackResult result, Instant nextTry) {
		int version = queries.details(agent.user(), callback).callback().version();
		callbacks.attempt(agent.user(), callback, version, new NewAttempt(CallbackMethod.PHONE, result, nextTry, null));
	}

	private void complete(TestUser who, long requestId, Satisfaction level, String comment) {
		CallbackSummary callback = mother.openCallback(site, requestId);
		callbacks.complete(who.user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.PHONE, level, comment));
	}
}
