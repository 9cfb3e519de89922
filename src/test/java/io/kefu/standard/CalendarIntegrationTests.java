package io.kefu.standard;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kefu.standard.CalendarModelTests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calendars in the database and over the API: seeds, sites, versions, exceptions, the import. */
@KefuIntegrationTest
class CalendarIntegrationTests {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	static final String OFFICE_HOURS = """
			[{"weekday":"MONDAY","start":"08:00","end":"12:00"},{"weekday":"MONDAY","start":"13:00","end":"17:00"},
			 {"weekday":"TUESDAY","start":"08:00","end":"12:00"},{"weekday":"TUESDAY","start":"13:00","end":"17:00"},
			 {"weekday":"WEDNESDAY","start":"08:00","end":"12:00"},{"weekday":"WEDNESDAY","start":"13:00","end":"17:00"},
			 {"weekday":"THURSDAY","start":"08:00","end":"12:00"},{"weekday":"THURSDAY","start":"13:00","end":"17:00"},
			 {"weekday":"FRIDAY","start":"08:00","end":"12:00"},{"weekday":"FRIDAY","start":"13:00","end":"17:00"}]""";

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	CalendarManagement calendars;

	@Autowired
	Clock clock;

	@Test
	void theStandardAndTheTwentyFourHourCalendarsAreSeededWithTheNationalSchedule() {
		CalendarSummary standard = calendars.calendars().stream().filter(CalendarSummary::isDefault).findFirst().orElseThrow();
		assertThat(standard.name()).isEqualTo("标准工作日历");
		assertThat(standard.followsNationalHolidays()).isTrue();
		CalendarModel model = calendars.model(standard.id());
		assertThat(model.periodsOn(LocalDate.parse("2026-11-23"))).containsExactly("08:30–12:00", "13:30–17:30");
		assertThat(model.exceptionOn(LocalDate.parse("2026-10-01")).orElseThrow().kind()).isEqualTo(CalendarExceptionKind.HOLIDAY);
		assertThat(model.exceptionOn(LocalDate.parse("2026-10-10")).orElseThrow().kind())
			.isEqualTo(CalendarExceptionKind.MAKEUP_WORKDAY);
		assertThat(model.exceptionOn(LocalDate.parse("2025-01-26")).orElseThrow().name()).isEqualTo("春节");
		assertThat(calendars.exceptions(standard.id(), 2026)).as("33 holidays, 6 make-up days").hasSize(39);

		CalendarSummary always = calendars.calendars().stream().filter(c -> c.name().equals("24小时")).findFirst().orElseThrow();
		assertThat(always.alwaysOpen()).isTrue();
		assertThat(calendars.model(always.id()).isWorkingTime(at("2026-10-01T03:00"))).isTrue();
	}

	@Test
	void aSiteUsesItsOwnCalendarOrTheDefaultAndTheApiComputesDueTimes() {
		SiteAndAdmin site = staff.site();
		long siteId = site.site().id();
		HttpTestClient api = api(site.admin());
		assertThat(calendars.forSite(siteId).id()).isEqualTo(calendars.defaultCalendarId());

		long id = create(api, "服务台" + suffix(), OFFICE_HOURS);
		assertThat(api.putJson("/api/v1/sites/" + siteId + "/calendar", "{\"calendarId\":" + id + "}").statusCode())
			.isEqualTo(204);
		assertThat(calendars.forSite(siteId).id()).isEqualTo(id);
		assertThat(json(api.get("/api/v1/sites/" + siteId + "/calendar")).get("usesDefault").asBoolean()).isFalse();

		JsonNode due = json(api.get("/api/v1/calendars/" + id + "/due?start=2026-11-23T16:50:00%2B08:00&amount=1&unit=BUSINESS_HOURS"));
		assertThat(due.get("due").asString()).isEqualTo("2026-11-24T00:50:00Z");
		assertThat(due.get("explanation").get("steps")).hasSize(2);
		JsonNode national = json(api.get("/api/v1/calendars/" + id + "/due?start=2026-09-30T16:00:00%2B08:00&amount=3&unit=BUSINESS_DAYS"));
		assertThat(national.get("due").asString()).isEqualTo("2026-10-10T08:00:00Z");
		assertThat(national.get("explanation").get("steps").get(0).get("name").asString()).isEqualTo("国庆节");

		assertThat(api.putJson("/api/v1/sites/" + siteId + "/calendar", "{\"calendarId\":null}").statusCode()).isEqualTo(204);
		assertThat(calendars.forSite(siteId).id()).isEqualTo(calendars.defaultCalendarId());

		TestUser outsider = staff.administrator();
		assertThat(api(outsider).putJson("/api/v1/sites/" + siteId + "/calendar", "{\"calendarId\":" + id + "}").statusCode())
			.as("an administrator of other sites cannot see this one")
			.isEqualTo(404);
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(siteId));
		assertThat(api(agent).get("/api/v1/calendars").statusCode()).isEqualTo(200);
		assertThat(api(agent).putJson("/api/v1/sites/" + siteId + "/calendar", "{\"calendarId\":" + id + "}").statusCode())
			.isEqualTo(403);
	}

	@Test
	void theDefaultCalendarServesEverySiteWithoutOne() {
		SiteAndAdmin site = staff.site();
		long standard = calendars.defaultCalendarId();
		long other = calendars.create(site.admin().user(), new NewCalendar("默认候选" + suffix(), true, false, null, null));
		try {
			calendars.makeDefault(site.admin().user(), other);
			assertThat(calendars.forSite(site.site().id()).id()).isEqualTo(other);
			assertThat(calendars.calendars().stream().filter(CalendarSummary::isDefault).toList()).hasSize(1);
		}
		finally {
			calendars.makeDefault(site.admin().user(), standard);
		}
		assertThat(calendars.forSite(site.site().id()).id()).isEqualTo(standard);
	}

	@Test
	void newHoursApplyFromTheirEffectiveDateOnAndLeaveEarlierDaysAlone() {
		TestUser admin = staff.administrator();
		long id = calendars.create(admin.user(), new NewCalendar("版本" + suffix(), false, true, DayOfWeek.MONDAY,
				CalendarMother.weekdays("08:00-12:00, 13:00-17:00")));
		LocalDate from = LocalDate.now(clock).plusYears(1).withDayOfYear(1);
		while (from.getDayOfWeek().getValue() > 4 || calendars.model(id).exceptionOn(from).isPresent()) {
			from = from.plusDays(1);
		}
		LocalDate before = from.minusDays(1);
		calendars.changeHours(admin.user(), id, from, CalendarMother.weekdays("09:00-18:00"));

		CalendarModel model = calendars.model(id);
		assertThat(model.periodsOn(from)).containsExactly("09:00–18:00");
		assertThat(model.periodsOn(from.minusWeeks(1))).containsExactly("08:00–12:00", "13:00–17:00");
		assertThat(calendars.calendar(id).versions()).extracting(HoursVersion::effectiveFrom)
			.containsExactly(from, LocalDate.of(2000, 1, 1));
		if (model.isWorkingDay(before)) {
			assertThat(model.addBusinessTime(at(before + "T16:50"), Duration.ofHours(1))).isEqualTo(at(from + "T09:50"));
		}

		assertThatThrownBy(() -> calendars.changeHours(admin.user(), id, LocalDate.now(clock).minusDays(1),
				CalendarMother.weekdays("09:00-18:00")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("生效日期不能早于今天");
	}

	@Test
	void badCalendarsAreRefusedWithTheReasonAndNothingIsSaved() {
		TestUser admin = staff.administrator();
		HttpTestClient api = api(admin);
		int before = calendars.calendars().size();
		assertProblem(api.postJson("/api/v1/calendars", newCalendar("重叠", """
				[{"weekday":"MONDAY","start":"08:00","end":"12:00"},{"weekday":"MONDAY","start":"11:30","end":"13:00"}]""")),
				"周一的时段 08:00-12:00 与 11:30-13:00 重叠");
		assertProblem(api.postJson("/api/v1/calendars", newCalendar("倒置", """
				[{"weekday":"MONDAY","start":"17:00","end":"08:00"}]""")), "周一的时段 17:00–08:00 结束时间不晚于开始时间");
		assertProblem(api.postJson("/api/v1/calendars", newCalendar("全休", "[]")), "每周至少要有一个工作时段");
		assertProblem(api.postJson("/api/v1/calendars", newCalendar("周末", """
				[{"weekday":"SATURDAY","start":"08:00","end":"12:00"}]""")), "调休上班按周一的工作时间计算，但周一没有工作时段");
		assertProblem(api.postJson("/api/v1/calendars", newCalendar("标准工作日历", OFFICE_HOURS)), "工作日历“标准工作日历”已存在");
		assertThat(calendars.calendars()).hasSize(before);

		long id = create(api, "例外" + suffix(), OFFICE_HOURS);
		String exceptions = "/api/v1/calendars/" + id + "/exceptions/";
		assertThat(api.putJson(exceptions + "2026-12-25", "{\"kind\":\"HOLIDAY\",\"name\":\"司庆\"}").statusCode()).isEqualTo(200);
		assertProblem(api.putJson(exceptions + "2026-12-25", "{\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"司庆\"}"),
				"2026-12-25 已是法定节假日，不能同时是调休上班日");
		assertProblem(api.putJson(exceptions + "2026-10-10", "{\"kind\":\"HOLIDAY\",\"name\":\"加休\"}"),
				"2026-10-10 在国家放假安排中是调休上班日，不能同时是法定节假日");
		JsonNode warned = json(api.putJson(exceptions + "2026-12-28", "{\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"盘点\"}"));
		assertThat(warned.get("warning").asString()).isEqualTo("2026-12-28 本来就是工作日，调休上班按周一的工作时间计算");
		JsonNode saturday = json(api.putJson(exceptions + "2026-12-26", "{\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"盘点\"}"));
		assertThat(saturday.get("warning").isNull()).isTrue();

		CalendarModel model = calendars.model(id);
		assertThat(model.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
		assertThat(model.periodsOn(LocalDate.parse("2026-12-26"))).containsExactly("08:00–12:00", "13:00–17:00");
		assertThat(json(api.get("/api/v1/calendars/" + id)).get("exceptions")).hasSize(3);

		assertThat(api.delete(exceptions + "2026-12-25").statusCode()).isEqualTo(204);
		assertThat(calendars.model(id).isWorkingDay(LocalDate.parse("2026-12-25"))).isTrue();
		assertThat(api.delete(exceptions + "2026-12-25").statusCode()).isEqualTo(404);

		assertProblem(api.get("/api/v1/calendars/" + id + "/due?start=2026-11-23T16:50:00%2B08:00&amount=0&unit=BUSINESS_HOURS"),
				"时限必须大于零");
		assertThat(api(staff.user(EnumSet.of(Role.SUPERVISOR), List.of())).postJson("/api/v1/calendars",
				newCalendar("越权", OFFICE_HOURS)).statusCode()).isEqualTo(403);
	}

	@Test
	void aScheduleIsPreviewedThenImportedWholeOrNotAtAll() {
		HttpTestClient api = api(staff.administrator());
		String file = """
				date,type,name
				2031-01-01,HOLIDAY,元旦
				2031-01-25,MAKEUP_WORKDAY,春节
				2031-01-27,MAKEUP_WORKDAY,春节
				""";
		HttpResponse<String> preview = api.post("/api/v1/calendars/holidays/import?preview=true", "text/csv", file);
		assertThat(preview.statusCode()).isEqualTo(200);
		JsonNode lines = json(preview).get("lines");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(2).get("warning").asString()).contains("本来就是工作日");
		long standard = calendars.defaultCalendarId();
		assertThat(calendars.model(standard).exceptionOn(LocalDate.parse("2031-01-01"))).as("a preview saves nothing").isEmpty();

		String broken = file + """
				2031-02-30,HOLIDAY,春节
				2031-02-01,HOLIDAY,春节
				2031-02-01,MAKEUP_WORKDAY,春节
				2031-01-01,HOLIDAY,元旦
				2031-02-02,VACATION,春节
				""";
		HttpResponse<String> refused = api.post("/api/v1/calendars/holidays/import", "text/csv", broken);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get("problems").valueStream().map(p -> p.get("line").asInt() + " " + p.get("message").asString()))
			.containsExactly("5 日期“2031-02-30”无效，应写成 2027-01-01",
					"7 2031-02-01 不能既是法定节假日又是调休上班日（见第 6 行）", "8 2031-01-01 重复（见第 2 行）",
					"9 类型“VACATION”未知，应为 HOLIDAY 或 MAKEUP_WORKDAY");
		assertThat(calendars.model(standard).exceptionOn(LocalDate.parse("2031-01-01"))).as("all or nothing").isEmpty();

		HttpResponse<String> imported = api.post("/api/v1/calendars/holidays/import", "text/csv", file);
		assertThat(imported.statusCode()).isEqualTo(201);
		assertThat(json(imported).get("imported").asInt()).isEqualTo(3);
		assertThat(calendars.model(standard).exceptionOn(LocalDate.parse("2031-01-01")).orElseThrow().name()).isEqualTo("元旦");
		assertThat(json(api.post("/api/v1/calendars/holidays/import", "text/csv", file)).get("imported").asInt())
			.as("importing the same file again adds nothing")
			.isZero();
		assertThat(json(api.post("/api/v1/calendars/holidays/import", "text/csv", "2031-01-01,MAKEUP_WORKDAY,元旦"))
			.get("problems").get(0).get("message").asString()).isEqualTo("2031-01-01 在国家放假安排中已是法定节假日，不能同时是调休上班日");
	}

	static void assertProblem(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("detail").asString()).contains(message);
	}

	private long create(HttpTestClient api, String name, String periods) {
		HttpResponse<String> created = api.postJson("/api/v1/calendars", newCalendar(name, periods));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("id").asLong();
	}

	static String newCalendar(String name, String periods) {
		return "{\"name\":\"" + name + "\",\"followsNationalHolidays\":true,\"periods\":" + periods + "}";
	}

	private HttpTestClient api(TestUser user) {
		return new HttpTestClient(port).withBasic(user.username(), user.password());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
