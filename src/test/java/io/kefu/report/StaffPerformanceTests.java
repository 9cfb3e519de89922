package io.kefu.report;

import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.report.ReportMother.StaffDay;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.QueueFilter;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestSearch;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.SearchState;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.ServiceRequestSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Every figure of two agents, two technicians and a guard on a day whose answers are known (see {@link ReportMother#staffDay}). */
@KefuIntegrationTest
class StaffPerformanceTests {

	static final LocalDate TODAY = LocalDate.now(KefuApplication.ZONE);

	static final ReportPeriod PERIOD = new ReportPeriod(TODAY.minusDays(1), TODAY.plusDays(1));

	@Autowired
	ReportMother mother;

	@Autowired
	StaffPerformance performance;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	StaffDay a;

	StaffDay b;

	@BeforeEach
	void twoSites() {
		a = mother.staffDay();
		b = mother.staffDay();
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void noLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyFigureOfEveryStaffMember() {
		StaffSheet sheet = performance.sheet(a.manager(), a.site().site().id(), PERIOD);
		assertThat(sheet.siteName()).isEqualTo(a.site().site().name());
		assertThat(sheet.rows()).extracting(StaffRow::accountId)
			.containsExactlyInAnyOrder(id(a.a1()), id(a.a2()), id(a.t1()), id(a.t2()), id(a.guard()));
		assertThat(sheet.rows(StaffGroup.AGENT)).extracting(StaffRow::accountId)
			.containsExactlyInAnyOrder(id(a.a1()), id(a.a2()));
		assertThat(sheet.rows(StaffGroup.TECHNICIAN)).extracting(StaffRow::accountId)
			.containsExactlyInAnyOrder(id(a.t1()), id(a.t2()));
		assertThat(sheet.rows(StaffGroup.OTHER)).extracting(StaffRow::accountId).containsExactly(id(a.guard()));

		StaffRow a1 = row(sheet, a.a1());
		assertThat(a1.name()).isEqualTo("客服小王");
		assertThat(a1.staffNumber()).isEqualTo(a.a1().username());
		assertThat(counts(a1)).as("received, handled, completed, met, breached, callbacks, reached, satisfied, praise, complaints, valid, invalid")
			.containsExactly(5L, 4L, 0L, 2L, 1L, 1L, 2L, 1L, 0L, 1L, 0L, 1L);
		assertThat(a1.onTimeRate()).isCloseTo(66.67, within(0.01));
		assertThat(a1.satisfactionRate()).isEqualTo(50.0);

		StaffRow a2 = row(sheet, a.a2());
		assertThat(counts(a2)).containsExactly(4L, 2L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
		assertThat(a2.onTimeRate()).isEqualTo(0.0);
		assertThat(a2.satisfactionRate()).as("no customer reached about a2's requests").isNull();

		StaffRow t1 = row(sheet, a.t1());
		assertThat(t1.departmentName()).isEqualTo("工程部");
		assertThat(counts(t1)).containsExactly(0L, 0L, 1L, 1L, 0L, 0L, 1L, 1L, 0L, 1L, 1L, 0L);
		assertThat(t1.onTimeRate()).isEqualTo(100.0);
		assertThat(t1.satisfactionRate()).isEqualTo(100.0);

		StaffRow t2 = row(sheet, a.t2());
		assertThat(counts(t2)).containsExactly(0L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, 2L, 0L, 0L, 0L);
		assertThat(t2.onTimeRate()).isEqualTo(0.0);
		assertThat(t2.satisfactionRate()).isEqualTo(0.0);

		StaffRow guard = row(sheet, a.guard());
		assertThat(counts(guard)).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L);
		assertThat(guard.onTimeRate()).isNull();

		assertThat(performance.sheet(a.manager(), a.site().site().id(), new ReportPeriod(TODAY.plusDays(2), TODAY.plusDays(3)))
			.rows()).as("a period with nothing in it: the agents and technicians with zeros")
			.extracting(StaffRow::accountId, StaffRow::received, StaffRow::completed, StaffRow::onTimeRate)
			.containsExactlyInAnyOrder(tuple(id(a.a1()), 0L, 0L, null), tuple(id(a.a2()), 0L, 0L, null),
					tuple(id(a.t1()), 0L, 0L, null), tuple(id(a.t2()), 0L, 0L, null));
	}

	@Test
	void everyCountLinksToTheRequestsBehindIt() {
		long site = a.site().site().id();
		StaffRow a1 = row(performance.sheet(a.manager(), site, PERIOD), a.a1());
		assertThat(a1.links().handled()).isEqualTo("/requests/search?site=" + site + "&from=" + PERIOD.from() + "&to="
				+ PERIOD.to() + "&owner=" + id(a.a1()) + "&state=HANDLED");
		assertThat(search(SearchState.HANDLED, null, id(a.a1()), null)).containsExactlyInAnyOrder(a.r1(), a.r2(), a.r3(),
				a.r4());
		assertThat(search(SearchState.ALL, null, id(a.a1()), null)).hasSize(5);
		assertThat(search(SearchState.ALL, RequestType.PRAISE, null, id(a.t2()))).containsExactlyInAnyOrder(a.r5(),
				a.r8());
		assertThat(search(SearchState.ALL, RequestType.COMPLAINT, null, id(a.a1()))).containsExactly(a.r7());

		HttpTestClient page = signedIn(a.site().siteManager());
		String html = page.get(a1.links().praise()).body();
		assertThat(html).contains("工单明细");
		String complaints = page.get(row(performance.sheet(a.manager(), site, PERIOD), a.t1()).links().complaints())
			.body();
		assertThat(complaints).contains(queries.details(a.manager(), a.r3()).number())
			.doesNotContain(queries.details(a.manager(), a.r9()).number());
	}

	@Test
	void thePageShowsEachGroupsSheet() {
		long site = a.site().site().id();
		HttpTestClient page = signedIn(a.site().siteManager());
		String agents = page.get("/reports/staff?site=" + site + "&period=CUSTOM&from=" + PERIOD.from() + "&to="
				+ PERIOD.to()).body();
		assertThat(agents).contains("report-staff.css", "客服小王", "客服小张", "66.7%", "50.0%",
				"href=\"/requests/search?site=" + site + "&amp;from=" + PERIOD.from() + "&amp;to=" + PERIOD.to()
						+ "&amp;owner=" + id(a.a1()) + "&amp;state=HANDLED\"")
			.doesNotContain("维修小赵");
		String technicians = page.get("/reports/staff?site=" + site + "&group=TECHNICIAN&period=CUSTOM&from="
				+ PERIOD.from() + "&to=" + PERIOD.to()).body();
		assertThat(technicians).contains("维修老李", "维修小赵", "100.0%").doesNotContain("客服小张");
		for (String report : List.of("/reports/dashboard", "/reports/complaints/monthly", "/reports/packs")) {
			assertThat(page.get(report + "?site=" + site).body()).as(report)
				.contains("id=\"report-nav-staff\"", "href=\"/reports/staff?site=" + site + "\"");
		}
		assertThat(page.get("/reports/quarterly").body()).contains("href=\"/reports/staff?site=\"");
		assertThatThrownBy(() -> performance.sheet(a.a1().user(), null, PERIOD)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aManagerOfOneSiteSeesNoneOfAnothersStaff() throws IOException {
		List<Long> others = List.of(id(b.a1()), id(b.a2()), id(b.t1()), id(b.t2()), id(b.guard()));
		StaffSheet all = performance.sheet(a.manager(), null, PERIOD);
		assertThat(all.rows()).extracting(StaffRow::accountId).doesNotContainAnyElementsOf(others).hasSize(5);
		assertThat(row(all, a.a1()).received()).isEqualTo(5);
		long siteB = b.site().site().id();
		assertThatThrownBy(() -> performance.sheet(a.manager(), siteB, PERIOD)).isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该项目");

		HttpTestClient page = signedIn(a.site().siteManager());
		assertThat(page.get("/reports/staff?site=" + siteB).statusCode()).isEqualTo(404);
		assertThat(page.get("/reports/staff").body()).contains("客服小王").doesNotContain(b.a1().username());

		HttpTestClient api = new HttpTestClient(port).withBasic(a.site().siteManager().username(),
				a.site().siteManager().password());
		HttpResponse<String> other = api.get("/api/v1/reports/staff?site=" + siteB + "&from=" + PERIOD.from() + "&to="
				+ PERIOD.to());
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).contains("没有找到该项目");
		HttpResponse<String> own = api.get("/api/v1/reports/staff?from=" + PERIOD.from() + "&to=" + PERIOD.to());
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"accountId\":" + id(a.a1()) + ",\"staffNumber\":\"" + a.a1().username() + "\"")
			.contains("\"received\":5,\"handled\":4")
			.doesNotContain(b.a1().username(), b.t1().username());
		HttpResponse<String> reversed = api.get("/api/v1/reports/staff?from=" + TODAY + "&to=" + TODAY.minusDays(1));
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.body()).contains("开始日期不能晚于结束日期");

		HttpResponse<byte[]> file = api.getBytes("/api/v1/reports/staff.xlsx?from=" + PERIOD.from() + "&to=" + PERIOD.to());
		assertThat(file.statusCode()).isEqualTo(200);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
			List<Row> rows = workbook.getFirstSheet().read().stream().skip(2).toList();
			assertThat(rows).extracting(r -> r.getCellText(1)).as("staff numbers of site A only")
				.containsExactlyInAnyOrderElementsOf(all.rows().stream().map(StaffRow::staffNumber).toList());
			Row first = rows.stream().filter(r -> r.getCellText(1).equals(a.a1().username())).findFirst().orElseThrow();
			assertThat(List.of(first.getCellText(0), first.getCellText(4), first.getCellText(5)))
				.containsExactly("客服", "5", "4");
		}
		assertThat(api.getBytes("/api/v1/reports/staff.xlsx?site=" + siteB + "&from=" + PERIOD.from() + "&to="
				+ PERIOD.to()).statusCode()).isEqualTo(404);
		assertThat(page.getBytes("/reports/staff.xlsx?site=" + siteB).statusCode()).isEqualTo(404);
		assertThat(page.getBytes("/reports/staff.xlsx?period=CUSTOM&from=" + PERIOD.from() + "&to=" + PERIOD.to())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void intakeNamesOnlyStaffOfTheSiteAndOnlyForPraiseOrComplaint() {
		long site = a.site().site().id();
		CurrentUser agent = a.a1().user();
		long before = requestsOf(site);
		assertThatThrownBy(() -> requests.register(agent, complaint(site, RequestType.COMPLAINT, id(b.t1())), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("所选员工不在本项目工作，请重新选择");
		assertThatThrownBy(() -> requests.register(agent, complaint(site, RequestType.INQUIRY, id(a.t1())), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("只有表扬和投诉可以填写被表扬或被投诉的员工");
		assertThat(requestsOf(site)).as("nothing saved").isEqualTo(before);

		HttpTestClient api = new HttpTestClient(port).withBasic(a.a1().username(), a.a1().password());
		HttpResponse<String> refused = api.postJson("/api/v1/requests", """
				{"siteId": %d, "type": "COMPLAINT", "categoryId": %d, "channel": "PHONE", "contactName": "李女士",
				 "roomCode": "%s", "description": "维修工态度差", "concernedStaffId": %d}"""
			.formatted(site, category(RequestType.COMPLAINT), RequestMother.ROOM, id(b.t1())));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("所选员工不在本项目工作");
		assertThat(requestsOf(site)).isEqualTo(before);
		HttpResponse<String> taken = api.postJson("/api/v1/requests", """
				{"siteId": %d, "type": "COMPLAINT", "categoryId": %d, "channel": "PHONE", "contactName": "李女士",
				 "roomCode": "%s", "description": "维修工态度差", "concernedStaffId": %d}"""
			.formatted(site, category(RequestType.COMPLAINT), RequestMother.ROOM, id(a.t1())));
		assertThat(taken.statusCode()).isEqualTo(201);

		HttpTestClient page = signedIn(a.a1());
		assertThat(page.get("/requests/new").statusCode()).isEqualTo(200);
		String fields = page.getFragment("/requests/new/categories?type=COMPLAINT&siteId=" + site).body();
		String field = fields.substring(fields.indexOf("id=\"concerned-field\""));
		assertThat(field).contains("被投诉员工", "维修老李", "value=\"" + id(a.t1()) + "\"").doesNotContain(
				"value=\"" + id(b.t1()) + "\"");
		assertThat(page.getFragment("/requests/new/categories?type=REPAIR&siteId=" + site).body())
			.doesNotContain("concernedStaffId");
		assertThat(page.getFragment("/requests/new/areas?type=PRAISE&siteId=" + site).body())
			.as("another site chosen: its staff replace the list, out of band")
			.contains("id=\"concerned-field\" hx-swap-oob=\"true\"", "被表扬员工", "维修小赵");
		HttpResponse<String> form = page.postMultipart("/requests/new", Map.of("siteId", String.valueOf(site), "type",
				"COMPLAINT", "categoryId", String.valueOf(category(RequestType.COMPLAINT)), "channel", "PHONE",
				"contactName", "李女士", "roomCode", RequestMother.ROOM, "description", "保安态度差", "concernedStaffId",
				String.valueOf(id(b.guard()))), List.of(), false);
		assertThat(form.statusCode()).isEqualTo(422);
		assertThat(form.body()).contains("所选员工不在本项目工作，请重新选择");
		assertThat(requestsOf(site)).isEqualTo(before + 1);

		String details = page.get("/requests/" + a.r3()).body();
		assertThat(details).contains("被投诉员工", "维修老李");
	}

	@Test
	void aComplaintsResolutionNamesOrCorrectsTheStaffMemberItIsAbout() {
		CurrentUser agent = a.a1().user();
		HttpTestClient page = signedIn(a.a1());
		assertThat(page.get("/requests/" + a.r9()).body()).contains("id=\"resolve-concerned\"",
				"<option value=\"" + id(a.guard()) + "\" selected=\"selected\">");
		int version = queries.details(agent, a.r9()).version();
		assertThatThrownBy(() -> requests.resolve(agent, a.r9(), version,
				new Resolution("已核实", true, null, "态度问题", "批评教育", null, null, id(b.t1()))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("所选员工不在本项目工作，请重新选择");
		assertThat(queries.details(agent, a.r9()).status()).as("nothing saved").isEqualTo(RequestStatus.REGISTERED);
		assertThat(queries.details(agent, a.r9()).concernedStaffId()).isEqualTo(id(a.guard()));

		requests.resolve(agent, a.r9(), version, new Resolution("已核实，系维修工所为", true, null, "态度问题", "批评教育", null,
				null, id(a.t2())));
		assertThat(queries.details(agent, a.r9()).concernedStaffId()).isEqualTo(id(a.t2()));
		StaffSheet sheet = performance.sheet(a.manager(), a.site().site().id(), PERIOD);
		assertThat(row(sheet, a.t2())).extracting(StaffRow::complaints, StaffRow::validComplaints).containsExactly(1L, 1L);
		assertThat(sheet.rows(StaffGroup.OTHER)).as("the guard is no longer complained of").isEmpty();
		requests.reopen(agent, a.r3(), queries.details(agent, a.r3()).version(), "客户仍不满意");
		requests.resolve(agent, a.r3(), queries.details(agent, a.r3()).version(),
				new Resolution("再次办结", true, null, null, null, null, null));
		assertThat(queries.details(agent, a.r3()).concernedStaffId()).as("kept when the resolution names no one")
			.isEqualTo(id(a.t1()));
	}

	private NewRequest complaint(long site, RequestType type, long concerned) {
		return new NewRequest(site, type, category(type), Channel.PHONE, Priority.NORMAL, false, null, "李女士",
				"13800001111", false, null, RequestMother.ROOM, null, "员工态度差", null, concerned);
	}

	private long category(RequestType type) {
		return requests.categories(type).get(0).id();
	}

	private long requestsOf(long site) {
		return jdbc.sql("select count(*) from request.service_request where site_id = :site")
			.param("site", site)
			.query(Long.class)
			.single();
	}

	private List<Long> search(SearchState state, RequestType type, Long owner, Long concerned) {
		return queries.search(a.manager(), a.site().site().id(), new RequestSearch(new QueueFilter(type, null, null, null,
				PERIOD.from(), PERIOD.to()), state, false, null, null, owner, concerned), null, 50)
			.items()
			.stream()
			.map(ServiceRequestSummary::id)
			.toList();
	}

	private HttpTestClient signedIn(TestUser user) {
		HttpTestClient client = new HttpTestClient(port);
		client.signIn(user.username(), user.password());
		return client;
	}

	private static long id(TestUser user) {
		return user.user().accountId();
	}

	private static StaffRow row(StaffSheet sheet, TestUser user) {
		return sheet.rows().stream().filter(r -> r.accountId() == id(user)).findFirst().orElseThrow();
	}

	private static List<Long> counts(StaffRow r) {
		return List.of(r.received(), r.handled(), r.completed(), r.met(), r.breached(), r.callbacksMade(), r.reached(),
				r.satisfied(), r.praise(), r.complaints(), r.validComplaints(), r.invalidComplaints());
	}
}
