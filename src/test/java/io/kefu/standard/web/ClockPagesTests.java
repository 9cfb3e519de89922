package io.kefu.standard.web;

import java.net.http.HttpResponse;
import java.util.Map;

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

/** The clock badges on the request pages and the bell, over HTTP. */
@KefuIntegrationTest
class ClockPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	JdbcClient jdbc;

	FieldSite site;

	HttpTestClient agent;

	@BeforeEach
	void signedIn() {
		site = mother.fieldSite();
		agent = new HttpTestClient(port);
		agent.follow(agent.signIn(site.agent().username(), site.agent().password()));
	}

	@Test
	void theRequestPageAndTheQueueShowTheRunningClocks() {
		long id = urgentRepair();
		assertThat(agent.get("/requests/" + id).body()).contains("hx-get=\"/requests/" + id + "/clocks\"");
		String clocks = agent.get("/requests/" + id + "/clocks").body();
		assertThat(clocks).contains("data-kind=\"DISPATCH\"", "text-bg-success", "派工", "剩 ");

		String queue = agent.get("/requests?queue=OPEN").body();
		assertThat(queue).contains("id=\"clock-badge-" + id + "\"", "/clocks/badges?ids=");
		String badges = agent.get("/clocks/badges?ids=" + id + ",999999999").body();
		assertThat(badges).contains("id=\"clock-badge-" + id + "\"", "hx-swap-oob=\"true\"", "派工")
			.contains("id=\"clock-badge-999999999\"");
		assertThat(agent.get("/clocks/badges?ids=1,x").statusCode()).isEqualTo(400);

		FieldSite other = mother.fieldSite();
		HttpTestClient outsider = new HttpTestClient(port);
		outsider.follow(outsider.signIn(other.agent().username(), other.agent().password()));
		assertThat(outsider.get("/requests/" + id + "/clocks").statusCode()).isEqualTo(404);
		assertThat(outsider.get("/clocks/badges?ids=" + id).body()).doesNotContain("派工");
	}

	@Test
	void theOverdueQueueListsTheClocksPastTheirTimeLongestOverdueFirst() {
		long first = urgentRepair();
		long second = urgentRepair();
		for (long id : new long[] { first, second }) {
			jdbc.sql("""
					update standard.request_clock set state = 'BREACHED', fired = 2, next_fire_at = null,
					       due_at = now() - (case when request_id = :first then interval '3 hours' else interval '20 minutes' end)
					where request_id = :id""")
				.param("first", first)
				.param("id", id)
				.update();
		}
		String page = agent.get("/requests/overdue").body();
		assertThat(page).contains("id=\"overdue-count\">2<", "超时 3小时0分", "超时 20分钟");
		assertThat(page.indexOf(number(first))).isLessThan(page.indexOf(number(second)));
		assertThat(agent.get("/requests/overdue/count").body()).contains(">2<");
		assertThat(agent.get("/requests?queue=OPEN").body()).contains("id=\"tab-OVERDUE\"", "/requests/overdue/count");

		FieldSite other = mother.fieldSite();
		HttpTestClient outsider = new HttpTestClient(port);
		outsider.follow(outsider.signIn(other.agent().username(), other.agent().password()));
		assertThat(outsider.get("/requests/overdue").body()).doesNotContain(number(first)).contains("没有超时的工单");
	}

	@Test
	void theBellCountsUnreadNotificationsAndOpeningOneGoesToItsRequest() {
		long id = majorComplaint();
		HttpTestClient manager = new HttpTestClient(port);
		manager.follow(manager.signIn(site.siteManager().username(), site.siteManager().password()));
		assertThat(manager.get("/notifications/bell").body()).contains("bell-count", ">1<");
		String list = manager.get("/notifications").body();
		assertThat(list).contains("开始计时", number(id), "办结", "notification-unread");

		long notification = jdbc.sql("select id from standard.notification where request_id = :id and account_id = :me")
			.param("id", id)
			.param("me", site.siteManager().user().accountId())
			.query(Long.class)
			.single();
		assertThat(agent.postForm("/notifications/" + notification + "/read", Map.of()).statusCode())
			.as("someone else's notification").isEqualTo(404);
		HttpResponse<String> opened = manager.postForm("/notifications/" + notification + "/read", Map.of());
		assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/requests/" + id));
		assertThat(manager.get("/notifications/bell").body()).doesNotContain("bell-count");
		assertThat(agent.get("/notifications").body()).contains("没有提醒");
	}

	private long urgentRepair() {
		return requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.REPAIR,
				category(RequestType.REPAIR, "给水"), Channel.PHONE, Priority.URGENT, false, null, "李女士", null, false,
				null, RequestMother.ROOM, null, "水管爆裂", null), null).id();
	}

	private long majorComplaint() {
		return requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.COMPLAINT,
				category(RequestType.COMPLAINT, "噪音"), Channel.PHONE, Priority.NORMAL, true, null, "李女士", null, false,
				null, null, null, "深夜施工", null), null).id();
	}

	private long category(RequestType type, String name) {
		return requests.categories(type).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
	}

	private String number(long id) {
		return jdbc.sql("select number from standard.request_standard where request_id = :id").param("id", id)
			.query(String.class).single();
	}
}
