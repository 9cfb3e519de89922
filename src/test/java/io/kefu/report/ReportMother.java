package io.kefu.report;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import io.kefu.KefuApplication;
import io.kefu.StaffMother.TestUser;
import io.kefu.callback.CallbackManagement;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackMother;
import io.kefu.callback.CallbackOutcome;
import io.kefu.callback.CallbackSummary;
import io.kefu.request.Assignment;
import io.kefu.request.Channel;
import io.kefu.request.FieldWork;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.Satisfaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A site with a month of requests whose figures are known (see {@link Month}). Requests
 * are registered and resolved through the service now, then moved into the month two
 * months back by updating their times in SQL, since the service only knows the present.
 */
@Component
class ReportMother {

	/** The month of the data: two months back, so that every request in it is over 30 days old. */
	static final YearMonth MONTH = YearMonth.now(KefuApplication.ZONE).minusMonths(2);

	private final RequestMother requests;

	private final ServiceRequestManagement management;

	private final ServiceRequestQueries queries;

	private final FieldWork work;

	private final CallbackMother callbacks;

	private final CallbackManagement callbackManagement;

	private final JdbcClient jdbc;

	ReportMother(RequestMother requests, ServiceRequestManagement management, ServiceRequestQueries queries,
			FieldWork work, CallbackMother callbacks, CallbackManagement callbackManagement, JdbcClient jdbc) {
		this.requests = requests;
		this.management = management;
		this.queries = queries;
		this.work = work;
		this.callbacks = callbacks;
		this.callbackManagement = callbackManagement;
		this.jdbc = jdbc;
	}

	/**
	 * Eight requests in {@link #MONTH} about room 180#1-1-1, all by phone but one inquiry
	 * by visit:
	 * <ul>
	 * <li>help 代办, day 3 09:00, resolved after 4 h; help, day 10 09:00, resolved after 24 h;</li>
	 * <li>complaint 噪音, day 3 10:00, resolved after 2 h, valid, engineering;</li>
	 * <li>complaint 噪音, day 10 10:00 (a repeat), resolved after 8 h, not valid, engineering;</li>
	 * <li>complaint 卫生, day 20 09:00, open;</li>
	 * <li>suggestion, day 20 09:00, replied after 1 h; suggestion, day 20, open;</li>
	 * <li>inquiry 办事指南 by visit, day 20, open;</li>
	 * </ul>
	 * and one help request registered now, open.
	 */
	Month month() {
		FieldSite site = requests.fieldSite();
		long help1 = resolved(site, RequestType.HELP, "代办", at(3, 9), 4, plain());
		long help2 = resolved(site, RequestType.HELP, "代办", at(10, 9), 24, plain());
		long complaint1 = resolved(site, RequestType.COMPLAINT, "噪音", at(3, 10), 2, complaint(true, site));
		long complaint2 = resolved(site, RequestType.COMPLAINT, "噪音", at(10, 10), 8, complaint(false, site));
		long complaint3 = registered(site, RequestType.COMPLAINT, "卫生", Channel.PHONE, at(20, 9));
		long suggestion1 = resolved(site, RequestType.SUGGESTION, "服务", at(20, 9), 1,
				new Resolution("已答复", null, null, null, null, true, "谢谢您的建议，已采纳"));
		long suggestion2 = registered(site, RequestType.SUGGESTION, "服务", Channel.PHONE, at(20, 11));
		long inquiry = registered(site, RequestType.INQUIRY, "办事指南", Channel.VISIT, at(20, 12));
		long today = register(site, RequestType.HELP, "代办", Channel.PHONE);
		return new Month(site, help1, help2, complaint1, complaint2, complaint3, suggestion1, suggestion2, inquiry, today);
	}

	/**
	 * A site whose staff figures of today are known: two agents (a1 = the site's agent, a2),
	 * two technicians (t1 = the site's technician, t2) and a security guard, and
	 * <ul>
	 * <li>by a1: repair r1 done by t1, called back by a1, satisfied; repair r2 done by t2,
	 * called back by a2, neutral; complaint r3 about t1, resolved valid; inquiry r4 answered
	 * at once; complaint r9 about the guard, open;</li>
	 * <li>by a2: praise r5 of t2 answered at once; help r6, open; complaint r7 about a1,
	 * resolved not valid; praise r8 of t2, open;</li>
	 * </ul>
	 * and hand-made clocks in place of the standards' (which are cancelled): r1 a
	 * clock from intake and one from dispatch, both met; r2 the same, both breached; r3
	 * one from intake, met; r6 one running; r7 one from intake, breached; r5 one met but
	 * started five days ago.
	 */
	StaffDay staffDay() {
		FieldSite site = requests.fieldSite();
		TestUser a1 = site.agent();
		TestUser t1 = site.technician();
		TestUser a2 = requests.staffMember(site.siteAndAdmin(), Role.AGENT, "客服小张", null);
		TestUser t2 = requests.staffMember(site.siteAndAdmin(), Role.TECHNICIAN, "维修小赵", site.engineering());
		TestUser guard = requests.staffMember(site.siteAndAdmin(), Role.SECURITY, "保安老孙", null);
		long r1 = job(site, a1, t1, Satisfaction.SATISFIED, a1);
		long r2 = job(site, a1, t2, Satisfaction.NEUTRAL, a2);
		long r3 = register(site, a1, RequestType.COMPLAINT, null, t1);
		management.resolve(a1.user(), r3, version(a1, r3), complaint(true, site));
		long r4 = register(site, a1, RequestType.INQUIRY, "请到服务中心办理", null);
		long r9 = register(site, a1, RequestType.COMPLAINT, null, guard);
		long r5 = register(site, a2, RequestType.PRAISE, "感谢您的表扬", t2);
		long r6 = register(site, a2, RequestType.HELP, null, null);
		long r7 = register(site, a2, RequestType.COMPLAINT, null, a1);
		management.resolve(a2.user(), r7, version(a2, r7), complaint(false, site));
		long r8 = register(site, a2, RequestType.PRAISE, null, t2);
		jdbc.sql("update standard.request_clock set state = 'CANCELLED' where site_id = :site")
			.param("site", site.site().id())
			.update();
		clock(site, r1, "REGISTERED", "MET", 0);
		clock(site, r1, "DISPATCHED", "MET", 0);
		clock(site, r2, "REGISTERED", "BREACHED", 0);
		clock(site, r2, "DISPATCHED", "BREACHED", 0);
		clock(site, r3, "REGISTERED", "MET", 0);
		clock(site, r6, "REGISTERED", "RUNNING", 0);
		clock(site, r7, "REGISTERED", "BREACHED", 0);
		clock(site, r5, "REGISTERED", "MET", 5);
		return new StaffDay(site, a1, a2, t1, t2, guard, r1, r2, r3, r4, r5, r6, r7, r8, r9);
	}

	/** The clocks of the month's requests as if they had started when their request was registered. */
	void clocksFromRegistration(Month month) {
		jdbc.sql("""
				update standard.request_clock c set started_at = r.registered_at
				from request.service_request r where r.id = c.request_id and r.site_id = :site""")
			.param("site", month.site().site().id())
			.update();
	}

	/** The request's completion clock breached: due an hour after it started, stopped an hour later. */
	void completionBreached(long requestId) {
		jdbc.sql("""
				update standard.request_clock set state = 'BREACHED', due_at = started_at + interval '1 hour',
				       stopped_at = started_at + interval '2 hours'
				where request_id = :request and kind = 'COMPLETION'""")
			.param("request", requestId)
			.update();
	}

	/** A repair registered by {@code agent}, done by {@code technician}, resolved, then called back. */
	private long job(FieldSite site, TestUser agent, TestUser technician, Satisfaction satisfaction, TestUser caller) {
		long id = register(site, agent, RequestType.REPAIR, null, null);
		management.dispatch(agent.user(), id, version(agent, id),
				new Assignment(site.engineering(), technician.username(), null, null));
		work.accept(technician.user(), id, version(agent, id));
		work.arrive(technician.user(), id, version(agent, id), "阀门老化");
		work.complete(technician.user(), id, version(agent, id), "已更换阀门", "李女士");
		management.resolve(agent.user(), id, version(agent, id),
				new Resolution("已更换阀门，试水正常", null, null, null, null, null, null));
		CallbackSummary callback = callbacks.openCallback(site, id);
		callbackManagement.complete(caller.user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.PHONE, satisfaction, "已回访"));
		return id;
	}

	/** A request of the first category of its type, answered at once when {@code answer} is given. */
	private long register(FieldSite site, TestUser by, RequestType type, String answer, TestUser concerned) {
		long category = management.categories(type).get(0).id();
		return management.register(by.user(), new NewRequest(site.site().id(), type, category, Channel.PHONE,
				Priority.NORMAL, false, null, "李女士", "13800001111", false, null, RequestMother.ROOM, null,
				type + " 员工绩效", answer, concerned == null ? null : concerned.user().accountId()), null).id();
	}

	private void clock(FieldSite site, long requestId, String startTrigger, String state, int daysAgo) {
		if (jdbc.sql("""
				insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, created_at)
				select :request, :site, k.id, k.kind, :state, now() - make_interval(days => :days), now()
				from standard.clock_rule k where k.start_trigger = :trigger and not k.retired order by k.id limit 1""")
			.param("request", requestId)
			.param("site", site.site().id())
			.param("state", state)
			.param("days", daysAgo)
			.param("trigger", startTrigger)
			.update() != 1) {
			throw new IllegalStateException("no clock rule starts at " + startTrigger);
		}
	}

	private int version(TestUser user, long id) {
		return queries.details(user.user(), id).version();
	}

	long resolved(FieldSite site, RequestType type, String category, ZonedDateTime registered, int hours,
			Resolution resolution) {
		long id = register(site, type, category, Channel.PHONE);
		management.resolve(site.agent().user(), id, queries.details(site.agent().user(), id).version(), resolution);
		jdbc.sql("update request.service_request set registered_at = :registered, resolved_at = :resolved where id = :id")
			.param("registered", registered.toOffsetDateTime())
			.param("resolved", registered.plusHours(hours).toOffsetDateTime())
			.param("id", id)
			.update();
		return id;
	}

	long registered(FieldSite site, RequestType type, String category, Channel channel, ZonedDateTime at) {
		long id = register(site, type, category, channel);
		jdbc.sql("update request.service_request set registered_at = :registered where id = :id")
			.param("registered", at.toOffsetDateTime())
			.param("id", id)
			.update();
		return id;
	}

	long register(FieldSite site, RequestType type, String category, Channel channel) {
		Long categoryId = category == null ? null
				: management.categories(type).stream().filter(c -> c.name().equals(category)).findFirst().orElseThrow().id();
		return management.register(site.agent().user(), new NewRequest(site.site().id(), type, categoryId, channel,
				Priority.NORMAL, false, null, "李女士", "13800001111", false, null, RequestMother.ROOM, null,
				type + " " + category, null), null).id();
	}

	private static Resolution plain() {
		return new Resolution("已处理", null, null, null, null, null, null);
	}

	static Resolution complaint(boolean valid, FieldSite site) {
		return new Resolution("已协调", valid, site.engineering(), "夜间施工", "告知施工时间", null, null);
	}

	/** {@code hour} o'clock on the quarter's day {@code day} (0 is its first). */
	static ZonedDateTime at(Quarter quarter, int day, int hour) {
		return quarter.from().plusDays(day).atTime(LocalTime.of(hour, 0)).atZone(KefuApplication.ZONE);
	}

	private static ZonedDateTime at(int day, int hour) {
		return LocalDateTime.of(MONTH.atDay(day), LocalTime.of(hour, 0))
			.atZone(KefuApplication.ZONE)
			.truncatedTo(ChronoUnit.HOURS);
	}

	record StaffDay(FieldSite site, TestUser a1, TestUser a2, TestUser t1, TestUser t2, TestUser guard, long r1,
			long r2, long r3, long r4, long r5, long r6, long r7, long r8, long r9) {

		CurrentUser manager() {
			return site.siteManager().user();
		}
	}

	record Month(FieldSite site, long help1, long help2, long complaint1, long complaint2, long complaint3,
			long suggestion1, long suggestion2, long inquiry, long today) {
	}
}
