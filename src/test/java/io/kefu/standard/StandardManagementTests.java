package io.kefu.standard;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators write standards over the API: a site's own standard comes before the
 * company's, bad input saves nothing, and a change works the running clocks out again.
 * Every standard here is the test site's own, so the company's are left as they are.
 */
@KefuIntegrationTest
class StandardManagementTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ClockManagement clocks;

	@Autowired
	JdbcClient jdbc;

	FieldSite site;

	HttpTestClient admin;

	@BeforeEach
	void aSiteAndItsAdministrator() {
		site = mother.fieldSite();
		admin = new HttpTestClient(port).withBasic(site.admin().username(), site.admin().password());
	}

	@Test
	void aSitesOwnStandardComesFirstAndAChangeMovesItsRunningClocks() {
		HttpResponse<String> created = admin.postJson("/api/v1/standards", standard(30, "CALENDAR_MINUTES"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = Long.parseLong(created.body().replaceAll("\\D", ""));
		long request = lift();
		RequestClockView before = dispatchClock(request);
		assertThat(Duration.between(before.startedAt(), before.dueAt())).hasMinutes(30);
		FieldSite other = mother.fieldSite();
		long elsewhere = requests.register(other.agent().user(), new NewRequest(other.site().id(), RequestType.REPAIR,
				category(), Channel.PHONE, Priority.NORMAL, false, null, "王先生", null, false, null, null, null, "电梯坏了",
				null), null).id();
		RequestClockView company = clocks.clocksOf(other.agent().user(), elsewhere).get(0);
		assertThat(Duration.between(company.startedAt(), company.dueAt())).as("another site keeps the company's standard")
			.isNotEqualTo(Duration.ofMinutes(30));

		HttpResponse<String> stale = admin.putJson("/api/v1/standards/" + id + "?version=5", standard(45, "CALENDAR_MINUTES"));
		assertThat(stale.statusCode()).isEqualTo(409);
		HttpResponse<String> updated = admin.putJson("/api/v1/standards/" + id + "?version=0", standard(45, "CALENDAR_MINUTES"));
		assertThat(updated.body()).contains("\"recomputedClocks\":1");
		RequestClockView after = dispatchClock(request);
		assertThat(after.id()).isEqualTo(before.id());
		assertThat(Duration.between(after.startedAt(), after.dueAt())).hasMinutes(45);
		assertThat(jdbc.sql("select reason from standard.clock_change where clock_id = :id").param("id", before.id())
			.query(String.class).single()).contains("已修改");
		assertThat(admin.get("/api/v1/standards").body()).contains("本项目电梯报修", "\"version\":1");
	}

	@Test
	void badInputGetsASpecificMessageAndSavesNothing() {
		long before = count();
		List<String[]> cases = List.of(
				new String[] { standard(0, "CALENDAR_MINUTES"), "时限须大于零" },
				new String[] { standard(-5, "CALENDAR_MINUTES"), "时限须大于零" },
				new String[] { standard(30, "CALENDAR_MINUTES").replace("\"breachTo\":[\"SUPERVISOR\"]", "\"breachTo\":[]"),
						"升级层级不能为空" },
				new String[] { standard(30, "CALENDAR_MINUTES").replace("\"stops\":[\"DISPATCHED\"]",
						"\"stops\":[\"REGISTERED\"]"), "永远不会计时" },
				new String[] { standard(30, "CALENDAR_MINUTES").replace("\"start\":\"REGISTERED\"",
						"\"start\":\"FIRST_RAINY_DAY\""), "最长等待天数" },
				new String[] { standard(30, "CALENDAR_MINUTES").replaceAll("(?s)\"clocks\":\\[.*\\]", "\"clocks\":[]"),
						"永远不会开始计时" },
				new String[] { standard(30, "CALENDAR_MINUTES").replace("\"further\":[]",
						"\"further\":[{\"afterMinutes\":60,\"recipients\":[]}]"), "每步都要通知到人" },
				new String[] { standard(30, "CALENDAR_MINUTES").replace("\"warnPercent\":80", "\"warnPercent\":0"), "预警点" });
		for (String[] c : cases) {
			HttpResponse<String> response = admin.postJson("/api/v1/standards", c[0]);
			assertThat(response.statusCode()).as(c[1]).isEqualTo(400);
			assertThat(response.body()).as(c[1]).contains(c[1]);
		}
		HttpTestClient agent = new HttpTestClient(port).withBasic(site.agent().username(), site.agent().password());
		assertThat(agent.postJson("/api/v1/standards", standard(30, "CALENDAR_MINUTES")).statusCode()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	private String standard(long amount, String unit) {
		return """
				{"siteId":%d,"position":1,"name":"本项目电梯报修","types":["REPAIR"],"categoryIds":[%d],
				 "clocks":[{"kind":"DISPATCH","start":"REGISTERED","stops":["DISPATCHED"],"targetAmount":%d,
				            "targetUnit":"%s","warnPercent":80,"warnTo":["OWNER"],"breachTo":["SUPERVISOR"],"further":[]}]}"""
			.formatted(site.site().id(), category(), amount, unit);
	}

	private long lift() {
		return requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.REPAIR, category(),
				Channel.PHONE, Priority.NORMAL, false, null, "李女士", null, false, null, RequestMother.ROOM, null, "电梯停运",
				null), null).id();
	}

	private RequestClockView dispatchClock(long request) {
		return clocks.clocksOf(site.agent().user(), request).stream().filter(c -> c.kind() == ClockKind.DISPATCH)
			.findFirst().orElseThrow();
	}

	private long category() {
		return requests.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("电梯")).findFirst()
			.orElseThrow().id();
	}

	private long count() {
		return jdbc.sql("select count(*) from standard.service_standard").query(Long.class).single()
				+ jdbc.sql("select count(*) from standard.clock_rule").query(Long.class).single();
	}
}
