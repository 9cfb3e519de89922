package io.kefu.standard;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's calendar pages and the rainy-day page over real HTTP. */
@KefuIntegrationTest
class CalendarPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	CalendarManagement calendars;

	@Autowired
	RainyDayManagement rainyDays;

	@Test
	void theListShowsTheCalendarsAndAssignsASiteItsCalendar() {
		SiteAndAdmin site = staff.site();
		HttpTestClient page = signedIn(site.admin());
		HttpResponse<String> list = page.get("/admin/calendars");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("标准工作日历", "24小时", "默认", site.site().name(), "href=\"/admin/calendars/due\"",
				"href=\"/admin/calendars\"");

		long always = calendars.calendars().stream().filter(CalendarSummary::alwaysOpen).findFirst().orElseThrow().id();
		HttpResponse<String> assigned = page.postForm("/admin/calendars/sites",
				Map.of("siteId", String.valueOf(site.site().id()), "calendarId", String.valueOf(always)));
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(page.follow(assigned).body()).contains("项目的日历已保存");
		assertThat(calendars.forSite(site.site().id()).id()).isEqualTo(always);

		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		HttpTestClient agentPage = signedIn(agent);
		assertThat(agentPage.get("/admin/calendars").statusCode()).isEqualTo(403);
		assertThat(agentPage.get("/").body()).doesNotContain("href=\"/admin/calendars\"");
	}

	@Test
	void theMonthViewColoursHolidaysAndMakeupDaysAndTheFormsSaveHoursAndExceptions() {
		TestUser admin = staff.administrator();
		HttpTestClient page = signedIn(admin);
		page.get("/admin/calendars");
		HttpResponse<String> created = page.postForm("/admin/calendars", Map.of("name", "页面" + CalendarIntegrationTests.suffix(),
				"followsNationalHolidays", "true", "MONDAY", "08:00-12:00, 13:00-17:00", "TUESDAY", "08:00-17:00",
				"SATURDAY", ""));
		assertThat(created.statusCode()).isEqualTo(302);
		String path = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));

		HttpResponse<String> octoberPage = page.get(path + "?month=2026-10");
		assertThat(octoberPage.statusCode()).as(path).isEqualTo(200);
		String october = octoberPage.body();
		assertThat(october).contains("2026-10", "data-date=\"2026-10-01\" data-kind=\"holiday\"",
				"data-date=\"2026-10-10\" data-kind=\"makeup\"", "data-date=\"2026-10-12\" data-kind=\"workday\"",
				"data-date=\"2026-10-14\" data-kind=\"day-off\"", "国庆节", "08:00-12:00, 13:00-17:00");

		HttpResponse<String> overlap = page.postForm(path + "/hours", Map.of("effectiveFrom", LocalDate.now().plusDays(30).toString(),
				"MONDAY", "08:00-12:00, 11:00-13:00"));
		assertThat(page.follow(overlap).body()).contains("周一的时段 08:00-12:00 与 11:00-13:00 重叠");
		assertThat(calendars.calendar(id).versions()).hasSize(1);

		HttpResponse<String> exception = page.postForm(path + "/exceptions",
				Map.of("date", "2026-11-24", "kind", "HOLIDAY", "name", "司庆"));
		String after = page.follow(exception).body();
		assertThat(after).contains("例外日期已保存", "data-date=\"2026-11-24\" data-kind=\"holiday\"", "司庆");
		HttpResponse<String> both = page.postForm(path + "/exceptions",
				Map.of("date", "2026-11-24", "kind", "MAKEUP_WORKDAY", "name", "司庆"));
		assertThat(page.follow(both).body()).contains("不能同时是调休上班日");
		HttpResponse<String> removed = page.postForm(path + "/exceptions/2026-11-24/remove", Map.of());
		assertThat(page.follow(removed).body()).contains("data-date=\"2026-11-24\" data-kind=\"workday\"");
	}

	@Test
	void theDueTimePageShowsTheDueTimeAndWhy() {
		HttpTestClient page = signedIn(staff.administrator());
		long standard = calendars.defaultCalendarId();
		String empty = page.get("/admin/calendars/due").body();
		assertThat(empty).contains("到期时间计算", "工作小时").doesNotContain("id=\"due-result\"");

		String due = page.get("/admin/calendars/due?calendarId=" + standard
				+ "&start=2026-09-30T16:00&amount=3&unit=BUSINESS_DAYS").body();
		assertThat(due).contains("id=\"due-time\">2026-10-10 16:00<", "2026-10-01 至 2026-10-07", "国庆节放假",
				"第 1 个工作日", "第 3 个工作日", "国庆节调休上班");

		String hours = page.get("/admin/calendars/due?calendarId=" + standard
				+ "&start=2026-09-30T16:00&amount=2&unit=BUSINESS_HOURS").body();
		assertThat(hours).contains("id=\"due-time\">2026-10-08 09:00<", "16:00–17:30", "计 1小时30分", "08:30–09:00",
				"计 0小时30分");

		String calendarTime = page.get("/admin/calendars/due?calendarId=" + standard
				+ "&start=2026-09-30T16:00&amount=48&unit=CALENDAR_HOURS").body();
		assertThat(calendarTime).contains("id=\"due-time\">2026-10-02 16:00<", "按自然时间计 48小时0分");
		assertThat(page.get("/admin/calendars/due?start=2026-09-30T16:00&amount=0&unit=BUSINESS_DAYS").body())
			.contains("时限必须大于零");
	}

	@Test
	void theImportPagePreviewsThenImports() {
		HttpTestClient page = signedIn(staff.administrator());
		assertThat(page.get("/admin/calendars/import").body()).contains("导入放假安排", "2027-01-01,HOLIDAY,元旦");
		String file = "date,type,name\n2032-01-01,HOLIDAY,元旦\n2032-02-15,MAKEUP_WORKDAY,春节\n";
		String preview = page.postMultipart("/admin/calendars/import", Map.of("text", file, "action", "preview"), List.of(), false)
			.body();
		assertThat(preview).contains("将添加 2 个日期（文件共 2 个）", "2032-02-15", "id=\"import-confirm\"");
		assertThat(calendars.model(calendars.defaultCalendarId()).exceptionOn(LocalDate.parse("2032-01-01"))).isEmpty();

		String broken = page.postMultipart("/admin/calendars/import",
				Map.of("text", file + "2032-13-01,HOLIDAY,春节\n", "action", "import"), List.of(), false).body();
		assertThat(broken).contains("文件有问题，什么也没有导入", "第 4 行：日期“2032-13-01”无效").doesNotContain("id=\"import-confirm\"");
		assertThat(calendars.model(calendars.defaultCalendarId()).exceptionOn(LocalDate.parse("2032-01-01"))).isEmpty();

		HttpResponse<String> imported = page.postMultipart("/admin/calendars/import", Map.of("text", file, "action", "import"),
				List.of(), false);
		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(page.follow(imported).body()).contains("已导入 2 个日期");
		assertThat(calendars.model(calendars.defaultCalendarId()).exceptionOn(LocalDate.parse("2032-02-15"))).isPresent();
	}

	@Test
	void theRainyDayPageRecordsTodayWithOneButton() {
		SiteAndAdmin site = staff.site();
		TestUser guard = staff.user(EnumSet.of(Role.SECURITY), List.of(site.site().id()));
		HttpTestClient page = signedIn(guard);
		String empty = page.get("/rainy-days").body();
		assertThat(empty).contains("今天下雨", "还没有雨天记录", "href=\"/rainy-days\"");
		HttpResponse<String> recorded = page.postForm("/rainy-days", Map.of("site", String.valueOf(site.site().id())));
		String after = page.follow(recorded).body();
		LocalDate today = rainyDays.today();
		assertThat(after).contains("已登记 " + today + " 为雨天", guard.user().displayName() + " 于");
		long id = rainyDays.recent(guard.user(), site.site().id()).get(0).id();
		HttpResponse<String> removed = page.postForm("/rainy-days/" + id + "/remove",
				Map.of("site", String.valueOf(site.site().id())));
		assertThat(page.follow(removed).body()).contains("已移除 " + today + " 的雨天记录", "text-decoration-line-through");

		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		HttpTestClient agentPage = signedIn(agent);
		assertThat(agentPage.get("/rainy-days").body()).doesNotContain("id=\"rainy-today\"");
		assertThat(agentPage.postForm("/rainy-days", Map.of("site", String.valueOf(site.site().id()))).statusCode())
			.isEqualTo(403);
	}

	private HttpTestClient signedIn(TestUser user) {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(user.username(), user.password());
		return page;
	}
}
