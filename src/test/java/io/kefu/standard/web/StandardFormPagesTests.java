package io.kefu.standard.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.standard.CalendarManagement;
import io.kefu.standard.CalendarSummary;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.Recipient;
import io.kefu.standard.RequestClockView;
import io.kefu.standard.ServiceStandard;
import io.kefu.standard.TargetUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's standard form over real HTTP: a standard with two clocks and a
 * ladder is created and changed, bad input and a stale version save nothing, and
 * nobody else may use the form. Every standard here is the test site's own.
 */
@KefuIntegrationTest
class StandardFormPagesTests {

	private static final String NAME = "表单电梯报修 <b>粗</b>";

	@LocalServerPort
	int port;

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ClockManagement clocks;

	@Autowired
	CalendarManagement calendars;

	@Autowired
	JdbcClient jdbc;

	FieldSite site;

	HttpTestClient admin;

	@BeforeEach
	void signedIn() {
		site = mother.fieldSite();
		admin = signedIn(site.admin().username(), site.admin().password());
	}

	@Test
	void anAdministratorCreatesAStandardWithTwoClocksAndALadderAndChangesIt() {
		String blank = admin.get("/standards/new").body();
		assertThat(blank).contains("新建标准", site.site().name(), "id=\"clock-template\"", "/js/standard-form.js",
				"name=\"clocks[0].kind\"");

		HttpResponse<String> created = admin.postForm("/standards/new", form());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String list = admin.follow(created).body();
		assertThat(list).contains("服务标准已新建", "5. 表单电梯报修 &lt;b&gt;粗&lt;/b&gt;").doesNotContain("<b>粗</b>");

		ServiceStandard standard = mine();
		assertThat(standard.name()).isEqualTo(NAME);
		assertThat(standard.position()).isEqualTo(5);
		assertThat(standard.types()).containsExactly(RequestType.REPAIR);
		assertThat(standard.categoryIds()).containsExactly(lift());
		assertThat(standard.priorities()).containsExactlyInAnyOrder(Priority.NORMAL, Priority.URGENT);
		assertThat(standard.channels()).containsExactly(Channel.PHONE);
		assertThat(standard.major()).isNull();
		assertThat(standard.clocks()).extracting(ClockRule::kind).containsExactly(ClockKind.DISPATCH, ClockKind.COMPLETION);
		ClockRule dispatch = standard.clocks().get(0);
		assertThat(dispatch.target().amount()).isEqualTo(30);
		assertThat(dispatch.target().unit()).isEqualTo(TargetUnit.CALENDAR_MINUTES);
		assertThat(dispatch.pauseOnHold()).isTrue();
		assertThat(dispatch.breachTo()).containsExactly(Recipient.SUPERVISOR);
		assertThat(dispatch.further()).containsExactly(new ClockRule.Escalation(60, Set.of(Recipient.SITE_MANAGER)),
				new ClockRule.Escalation(240, Set.of(Recipient.SITE_MANAGER, Recipient.EXECUTIVE)));
		ClockRule completion = standard.clocks().get(1);
		assertThat(completion.stops()).containsExactlyInAnyOrder(ClockTrigger.RESOLVED, ClockTrigger.CLOSED);
		assertThat(completion.calendarId()).isEqualTo(alwaysOpen());
		assertThat(completion.untilAppointment()).isTrue();
		assertThat(completion.pauseOnHold()).isFalse();
		assertThat(completion.warnPercent()).isEqualTo(75);

		String edit = admin.get("/standards/" + standard.id() + "/edit").body();
		assertThat(edit).contains("编辑服务标准", "name=\"version\" value=\"0\"", "value=\"表单电梯报修 &lt;b&gt;粗&lt;/b&gt;\"",
				"name=\"clocks[1].targetAmount\" value=\"3\"", "name=\"clocks[0].further[1].afterMinutes\" value=\"240\"");

		long request = liftRequest();
		long running = clocks.clocksOf(site.agent().user(), request).stream().filter(c -> c.state().active()).count();
		List<Map.Entry<String, String>> changed = with(with(with(form(), "name", "表单电梯报修（改）"),
				"clocks[0].targetAmount", "45"), "clocks[0].further[1].afterMinutes", null);
		changed = with(with(changed, "clocks[0].further[1].recipients", null), "version", "0");
		HttpResponse<String> saved = admin.postForm("/standards/" + standard.id() + "/edit", changed);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(admin.follow(saved).body()).contains("已保存，重新计算了 " + running + " 个进行中的计时", "表单电梯报修（改）");
		assertThat(running).isEqualTo(2);

		ServiceStandard after = mine();
		assertThat(after.id()).isEqualTo(standard.id());
		assertThat(after.version()).isEqualTo(1);
		assertThat(after.name()).isEqualTo("表单电梯报修（改）");
		assertThat(after.clocks().get(0).target().amount()).isEqualTo(45);
		assertThat(after.clocks().get(0).further()).containsExactly(new ClockRule.Escalation(60, Set.of(Recipient.SITE_MANAGER)));
		RequestClockView moved = clocks.clocksOf(site.agent().user(), request).stream()
			.filter(c -> c.kind() == ClockKind.DISPATCH).findFirst().orElseThrow();
		assertThat(Duration.between(moved.startedAt(), moved.dueAt())).hasMinutes(45);
	}

	@Test
	void badInputShowsTheReasonWithEverythingTypedAndSavesNothing() {
		admin.get("/standards/new");
		long before = count();
		Map<List<Map.Entry<String, String>>, String> cases = Map.of(
				with(form(), "clocks[0].targetAmount", "0"), "“派工”时限的时限须大于零",
				with(form(), "clocks[1].stops", "REGISTERED"), "“办结”时限在开始的同一时刻结束，永远不会计时",
				with(form(), "clocks[0].breachTo", null), "“派工”时限超时要通知谁？升级层级不能为空",
				with(form(), "clocks[0].further[1].afterMinutes", "30"), "升级步骤须依次更晚");
		cases.forEach((fields, message) -> {
			HttpResponse<String> rejected = admin.postForm("/standards/new", fields);
			assertThat(rejected.statusCode()).as(message).isEqualTo(422);
			assertThat(rejected.body()).as(message).contains("id=\"standard-error\"", message,
					"value=\"表单电梯报修 &lt;b&gt;粗&lt;/b&gt;\"", "name=\"clocks[1].targetAmount\" value=\"3\"",
					"name=\"clocks[0].further[0].afterMinutes\" value=\"60\"");
		});

		String unnamed = admin.postForm("/standards/new", with(form(), "name", " ")).body();
		assertThat(unnamed).contains("is-invalid", "class=\"invalid-feedback d-block\">请填写标准名称");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aStaleVersionIsRefusedAndSavesNothing() {
		admin.postForm("/standards/new", form());
		ServiceStandard standard = mine();
		admin.get("/standards/" + standard.id() + "/edit");
		HttpResponse<String> stale = admin.postForm("/standards/" + standard.id() + "/edit",
				with(with(form(), "name", "别人改过之后"), "version", "7"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("该标准已被他人修改，您的更改没有保存", "value=\"别人改过之后\"",
				"href=\"/standards/" + standard.id() + "/edit\"");
		ServiceStandard after = mine();
		assertThat(after.version()).isZero();
		assertThat(after.name()).isEqualTo(NAME);
	}

	@Test
	void onlyAdministratorsMayUseTheForm() {
		admin.postForm("/standards/new", form());
		long id = mine().id();
		assertThat(admin.get("/standards").body()).contains("id=\"new-standard\"", "href=\"/standards/" + id + "/edit\"");

		HttpTestClient manager = signedIn(site.siteManager().username(), site.siteManager().password());
		String list = manager.get("/standards").body();
		assertThat(list).contains("表单电梯报修").doesNotContain("id=\"new-standard\"", "standard-edit");
		HttpTestClient agent = signedIn(site.agent().username(), site.agent().password());
		long before = count();
		for (HttpTestClient other : List.of(manager, agent)) {
			assertThat(other.get("/standards/new").statusCode()).isEqualTo(403);
			assertThat(other.get("/standards/" + id + "/edit").statusCode()).isEqualTo(403);
			assertThat(other.postForm("/standards/new", form()).statusCode()).isEqualTo(403);
			assertThat(other.postForm("/standards/" + id + "/edit", with(form(), "version", "0")).statusCode())
				.isEqualTo(403);
		}
		assertThat(count()).isEqualTo(before);
		assertThat(mine().version()).isZero();
	}

	/** The form as the page sends it: a 派工 clock with a two-step ladder and a 办结 clock on the 24-hour calendar. */
	private List<Map.Entry<String, String>> form() {
		return List.of(Map.entry("name", NAME), Map.entry("siteId", String.valueOf(site.site().id())),
				Map.entry("position", "5"), Map.entry("active", "true"), Map.entry("types", "REPAIR"),
				Map.entry("categoryIds", String.valueOf(lift())), Map.entry("priorities", "NORMAL"),
				Map.entry("priorities", "URGENT"), Map.entry("channels", "PHONE"), Map.entry("major", ""),
				Map.entry("clocks[0].kind", "DISPATCH"), Map.entry("clocks[0].start", "REGISTERED"),
				Map.entry("clocks[0].stops", "DISPATCHED"), Map.entry("clocks[0].pauseOnHold", "true"),
				Map.entry("clocks[0].targetAmount", "30"), Map.entry("clocks[0].targetUnit", "CALENDAR_MINUTES"),
				Map.entry("clocks[0].calendarId", ""), Map.entry("clocks[0].warnPercent", "80"),
				Map.entry("clocks[0].longestWaitDays", ""), Map.entry("clocks[0].warnTo", "OWNER"),
				Map.entry("clocks[0].breachTo", "SUPERVISOR"), Map.entry("clocks[0].further[0].afterMinutes", "60"),
				Map.entry("clocks[0].further[0].recipients", "SITE_MANAGER"),
				Map.entry("clocks[0].further[1].afterMinutes", "240"),
				Map.entry("clocks[0].further[1].recipients", "SITE_MANAGER"),
				Map.entry("clocks[0].further[1].recipients", "EXECUTIVE"), Map.entry("clocks[1].kind", "COMPLETION"),
				Map.entry("clocks[1].start", "REGISTERED"), Map.entry("clocks[1].stops", "RESOLVED"),
				Map.entry("clocks[1].stops", "CLOSED"), Map.entry("clocks[1].targetAmount", "3"),
				Map.entry("clocks[1].targetUnit", "BUSINESS_DAYS"),
				Map.entry("clocks[1].calendarId", String.valueOf(alwaysOpen())), Map.entry("clocks[1].warnPercent", "75"),
				Map.entry("clocks[1].untilAppointment", "true"), Map.entry("clocks[1].breachTo", "SITE_MANAGER"));
	}

	/** The fields with {@code key} set to {@code value} alone, or left out when it is null. */
	private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String key, String value) {
		List<Map.Entry<String, String>> changed = new ArrayList<>(fields.stream().filter(f -> !f.getKey().equals(key)).toList());
		if (value != null) {
			changed.add(Map.entry(key, value));
		}
		return changed;
	}

	private HttpTestClient signedIn(String username, String password) {
		HttpTestClient client = new HttpTestClient(port);
		client.follow(client.signIn(username, password));
		return client;
	}

	private ServiceStandard mine() {
		return clocks.standards(site.admin().user()).stream()
			.filter(s -> s.siteId() != null && s.siteId() == site.site().id())
			.findFirst()
			.orElseThrow();
	}

	private long liftRequest() {
		return requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.REPAIR, lift(),
				Channel.PHONE, Priority.NORMAL, false, null, "李女士", null, false, null, RequestMother.ROOM, null, "电梯停运",
				null), null).id();
	}

	private long lift() {
		return requests.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("电梯")).findFirst()
			.orElseThrow().id();
	}

	private long alwaysOpen() {
		return calendars.calendars().stream().filter(CalendarSummary::alwaysOpen).findFirst().orElseThrow().id();
	}

	private long count() {
		return jdbc.sql("select count(*) from standard.service_standard").query(Long.class).single()
				+ jdbc.sql("select count(*) from standard.clock_rule").query(Long.class).single();
	}
}
