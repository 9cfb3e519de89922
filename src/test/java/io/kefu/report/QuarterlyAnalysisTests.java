package io.kefu.report;

import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.Browser;
import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.callback.CallbackManagement;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackMother;
import io.kefu.callback.CallbackOutcome;
import io.kefu.callback.CallbackSummary;
import io.kefu.report.QuarterlyFigures.CategoryRow;
import io.kefu.report.QuarterlyFigures.DepartmentRow;
import io.kefu.report.QuarterlyFigures.Rate;
import io.kefu.report.QuarterlyFigures.Trend;
import io.kefu.request.Channel;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Satisfaction;
import io.kefu.shared.StaleDataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static io.kefu.report.ReportMother.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The quarterly complaint analysis on a site whose quarter, previous quarter and same
 * quarter last year are made by hand (see {@link #twoSites()}): every computed figure,
 * the report's steps and who may take them, the freeze at approval, the site scope.
 */
@KefuIntegrationTest
class QuarterlyAnalysisTests {

	/** The quarter before this one, so that every request in it lies in the past. */
	static final Quarter QUARTER = Quarter.containing(LocalDate.now(KefuApplication.ZONE)).previous();

	@Autowired
	ReportMother mother;

	@Autowired
	CallbackMother callbacks;

	@Autowired
	CallbackManagement callbackManagement;

	@Autowired
	QuarterlyAnalyses analyses;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	FieldSite a;

	FieldSite b;

	long noise1;

	long noise2;

	long hygiene;

	long help;

	CurrentUser managerOfA;

	TestUser quality;

	TestUser executive;

	/**
	 * Site A, in {@link #QUARTER}: complaints 噪音 on day 5 (valid, engineering, resolved,
	 * called back satisfied) and day 15 (a repeat; not valid, engineering, resolved, not
	 * called back yet), 卫生 on the last day at 23:30 (major, open); a help request; and a
	 * 卫生 complaint just after the quarter. The previous quarter: 噪音 and 停车. The same
	 * quarter last year: four 噪音. Site B: one complaint in the quarter.
	 */
	@BeforeEach
	void twoSites() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		a = callbacks.site();
		b = callbacks.site();
		managerOfA = a.siteManager().user();
		noise1 = mother.resolved(a, RequestType.COMPLAINT, "噪音", at(QUARTER, 4, 10), 2, ReportMother.complaint(true, a));
		noise2 = mother.resolved(a, RequestType.COMPLAINT, "噪音", at(QUARTER, 14, 10), 8, ReportMother.complaint(false, a));
		hygiene = mother.registered(a, RequestType.COMPLAINT, "卫生", Channel.PHONE,
				QUARTER.to().atTime(23, 30).atZone(KefuApplication.ZONE));
		jdbc.sql("update request.service_request set major = true where id = :id").param("id", hygiene).update();
		help = mother.registered(a, RequestType.HELP, "代办", Channel.PHONE, at(QUARTER, 20, 9));
		mother.registered(a, RequestType.COMPLAINT, "卫生", Channel.PHONE,
				QUARTER.to().plusDays(1).atStartOfDay(KefuApplication.ZONE));
		mother.registered(a, RequestType.COMPLAINT, "噪音", Channel.PHONE, at(QUARTER.previous(), 5, 9));
		mother.registered(a, RequestType.COMPLAINT, "停车", Channel.PHONE, at(QUARTER.previous(), 10, 9));
		for (int k = 0; k < 4; k++) {
			mother.registered(a, RequestType.COMPLAINT, "噪音", Channel.PHONE, at(QUARTER.yearBefore(), 20 * k, 9));
		}
		mother.registered(b, RequestType.COMPLAINT, "噪音", Channel.PHONE, at(QUARTER, 30, 9));

		CallbackSummary called = callbacks.openCallback(a, noise1);
		callbacks.openCallback(a, noise2);
		callbackManagement.complete(a.agent().user(), called.id(), called.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.SATISFIED, "处理及时"));
		List.of(noise1, noise2, hygiene, help).forEach(this::awaitEventsHandled);
		jdbc.sql("""
				update callback.callback c set resolved_at = r.resolved_at
				from request.service_request r where r.id = c.request_id and r.site_id = :site""")
			.param("site", a.site().id())
			.update();
		jdbc.sql("""
				update standard.request_clock c set started_at = r.registered_at, next_fire_at = null,
				    state = case r.id when :noise1 then 'MET' when :noise2 then 'BREACHED' when :help then 'MET' else 'RUNNING' end
				from request.service_request r where r.id = c.request_id and r.site_id = :site""")
			.param("noise1", noise1)
			.param("noise2", noise2)
			.param("help", help)
			.param("site", a.site().id())
			.update();
		quality = staff.user(EnumSet.of(Role.QUALITY), List.of(a.site().id()));
		executive = staff.user(EnumSet.of(Role.EXECUTIVE), List.of(a.site().id(), b.site().id()));
	}

	@AfterEach
	void noLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyComputedFigureOfTheQuarter() {
		QuarterlyFigures f = analyses.figures(managerOfA, a.site().id(), QUARTER);
		assertThat(f.siteName()).isEqualTo(a.site().name());
		assertThat(f.complaints()).as("3 now, 2 the quarter before, 4 a year before")
			.isEqualTo(new Trend(3, 2, 4, 50.0, -25.0));
		assertThat(List.of(f.major(), f.valid(), f.invalid(), f.undecided(), f.repeat())).containsExactly(1L, 1L, 1L, 1L, 1L);
		assertThat(f.categories()).containsExactly(new CategoryRow(categoryId("噪音"), "噪音", 2, 1),
				new CategoryRow(categoryId("卫生"), "卫生", 1, 0), new CategoryRow(categoryId("停车"), "停车", 0, 1));
		assertThat(f.departments()).containsExactly(new DepartmentRow(a.engineering(), "工程部", 1, 1, 0),
				new DepartmentRow(null, null, 0, 0, 1));
		long met = clocks(noise1);
		long breached = clocks(noise2);
		assertThat(met).as("the complaint standards' clocks").isPositive();
		assertThat(breached).isPositive();
		assertThat(f.onTime()).as("the help request's clocks are not the complaints'").isEqualTo(Rate.of(met, met + breached));
		assertThat(f.callbacks()).isEqualTo(new Rate(1, 2, 50.0));
		assertThat(f.satisfaction()).isEqualTo(new Rate(1, 1, 100.0));

		assertThat(analyses.figures(managerOfA, null, QUARTER)).as("all of A's sites: only A")
			.isEqualTo(new QuarterlyFigures(QUARTER, null, null, f.complaints(), 1, 1, 1, 1, 1, f.categories(),
					f.departments(), f.onTime(), f.callbacks(), f.satisfaction()));
		QuarterlyFigures both = analyses.figures(executive.user(), null, QUARTER);
		assertThat(both.complaints().count()).isEqualTo(4);
		assertThat(both.undecided()).isEqualTo(2);
		assertThat(analyses.figures(managerOfA, a.site().id(), QUARTER.previous()).complaints())
			.as("the quarter before had none before it, nor a year before").isEqualTo(new Trend(2, 0, 0, null, null));
	}

	@Test
	void theReportIsWrittenSubmittedReturnedAndApproved() {
		CurrentUser writer = quality.user();
		QuarterlyAnalysisDetails draft = analyses.start(writer, a.site().id(), QUARTER);
		assertThat(draft.state()).isEqualTo(AnalysisState.DRAFT);
		assertThat(draft.frozen()).isFalse();
		assertThat(draft.drafted().name()).isEqualTo(writer.displayName());
		assertThat(analyses.start(managerOfA, a.site().id(), QUARTER).id()).as("starting it again opens it")
			.isEqualTo(draft.id());
		long id = draft.id();

		assertThatThrownBy(() -> analyses.submit(writer, id, draft.version(), null)).isInstanceOf(InvalidInputException.class)
			.hasMessage("请填写原因分析");
		QuarterlyAnalysisDetails written = analyses.write(writer, id, draft.version(),
				new WrittenSections(" 夜间施工噪音集中 ", "", null));
		assertThat(written.sections()).isEqualTo(new WrittenSections("夜间施工噪音集中", "", ""));
		assertThatThrownBy(() -> analyses.submit(writer, id, written.version(), null)).hasMessage("请填写纠正措施");
		assertThatThrownBy(() -> analyses.submit(writer, id, written.version(),
				new WrittenSections("夜间施工噪音集中", "限定施工时间", " "))).hasMessage("请填写预防措施");
		assertThat(analyses.get(writer, id).version()).as("nothing saved").isEqualTo(written.version());
		assertThatThrownBy(() -> analyses.write(writer, id, written.version(), new WrittenSections("长".repeat(5001), "", "")))
			.hasMessage("原因分析不能超过 5000 个字");
		assertThatThrownBy(() -> analyses.write(writer, id, draft.version(), new WrittenSections("x", "y", "z")))
			.as("a stale version").isInstanceOf(StaleDataException.class)
			.hasMessage("该报告已被他人修改，您的更改没有保存，请刷新后重试");
		assertThatThrownBy(() -> analyses.approve(executive.user(), id, written.version()))
			.hasMessage("报告尚未提交，不能批准");

		QuarterlyAnalysisDetails submitted = analyses.submit(writer, id, written.version(),
				new WrittenSections("夜间施工噪音集中", "限定施工时间", "装修前告知邻里"));
		assertThat(submitted.state()).isEqualTo(AnalysisState.SUBMITTED);
		assertThat(submitted.submitted().name()).isEqualTo(writer.displayName());
		assertThatThrownBy(() -> analyses.write(writer, id, submitted.version(), new WrittenSections("x", "y", "z")))
			.hasMessage("报告已提交待批准，不能再修改；如需修改，请由领导退回");
		assertThatThrownBy(() -> analyses.approve(writer, id, submitted.version())).isInstanceOf(AccessDeniedException.class)
			.hasMessage("只有公司领导可以批准或退回季度投诉分析报告");
		assertThatThrownBy(() -> analyses.approve(managerOfA, id, submitted.version()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> analyses.returnToDraft(executive.user(), id, submitted.version(), "  "))
			.hasMessage("请填写退回原因");
		assertThat(analyses.get(writer, id).state()).isEqualTo(AnalysisState.SUBMITTED);

		QuarterlyAnalysisDetails returned = analyses.returnToDraft(executive.user(), id, submitted.version(), "预防措施不具体");
		assertThat(returned.state()).isEqualTo(AnalysisState.DRAFT);
		assertThat(returned.returnNote()).isEqualTo("预防措施不具体");
		assertThat(returned.submitted()).isNull();
		QuarterlyAnalysisDetails again = analyses.submit(managerOfA, id, returned.version(),
				new WrittenSections("夜间施工噪音集中", "限定施工时间", "装修登记时签订施工时间承诺书"));
		QuarterlyAnalysisDetails approved = analyses.approve(executive.user(), id, again.version());
		assertThat(approved.state()).isEqualTo(AnalysisState.APPROVED);
		assertThat(approved.frozen()).isTrue();
		assertThat(approved.returnNote()).isNull();
		assertThat(approved.approved().name()).isEqualTo(executive.user().displayName());
		assertThat(approved.sections().preventiveMeasures()).isEqualTo("装修登记时签订施工时间承诺书");
		assertThatThrownBy(() -> analyses.write(writer, id, approved.version(), new WrittenSections("x", "y", "z")))
			.hasMessage("报告已批准，不能再修改");
		assertThatThrownBy(() -> analyses.approve(executive.user(), id, approved.version())).hasMessage("报告已批准，不能批准");
		assertThatThrownBy(() -> analyses.returnToDraft(executive.user(), id, approved.version(), "重写"))
			.hasMessage("报告已批准，不能退回");
		assertThat(analyses.get(writer, id).version()).isEqualTo(approved.version());

		CurrentUser agent = a.agent().user();
		assertThatThrownBy(() -> analyses.start(agent, a.site().id(), QUARTER.previous()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> analyses.start(executive.user(), a.site().id(), QUARTER.previous()))
			.isInstanceOf(AccessDeniedException.class)
			.hasMessage("只有品质部、主管或项目经理可以编写和提交季度投诉分析报告");
		assertThat(analyses.list(writer)).extracting(QuarterlyAnalysisSummary::id).containsExactly(id);
	}

	@Test
	void anApprovedReportKeepsItsFiguresWhateverDataArrivesLater() throws IOException {
		QuarterlyAnalysisDetails report = analyses.start(quality.user(), a.site().id(), QUARTER);
		report = analyses.submit(quality.user(), report.id(), report.version(), new WrittenSections("原因", "纠正", "预防"));
		QuarterlyFigures atApproval = analyses.figures(managerOfA, a.site().id(), QUARTER);
		long id = analyses.approve(executive.user(), report.id(), report.version()).id();

		long renovation = mother.registered(a, RequestType.COMPLAINT, "装修", Channel.PHONE, at(QUARTER, 40, 9));
		long noise3 = mother.registered(a, RequestType.COMPLAINT, "噪音", Channel.PHONE, at(QUARTER, 16, 9));
		requests.resolve(a.agent().user(), hygiene, queries.details(a.agent().user(), hygiene).version(),
				new Resolution("已清理", true, a.engineering(), "保洁不到位", "增加保洁频次", null, null));
		List.of(renovation, noise3, hygiene).forEach(this::awaitEventsHandled);
		QuarterlyFigures live = analyses.figures(managerOfA, a.site().id(), QUARTER);
		assertThat(live.complaints().count()).as("the live figures changed").isEqualTo(5);
		assertThat(live.repeat()).isEqualTo(2);
		assertThat(live.undecided()).isEqualTo(2);
		assertThat(live.valid()).isEqualTo(2);

		assertThat(analyses.get(quality.user(), id).figures()).isEqualTo(atApproval);
		HttpTestClient api = new HttpTestClient(port).withBasic(quality.username(), quality.password());
		HttpResponse<String> frozen = api.get("/api/v1/reports/quarterly/" + id);
		assertThat(frozen.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(frozen.body());
		assertThat(body.get("frozen").asBoolean()).isTrue();
		assertThat(json.treeToValue(body.get("figures"), QuarterlyFigures.class)).isEqualTo(atApproval);
		HttpResponse<String> figures = api.get("/api/v1/reports/quarterly/figures?site=" + a.site().id() + "&year="
				+ QUARTER.year() + "&quarter=" + QUARTER.quarter());
		assertThat(json.readValue(figures.body(), QuarterlyFigures.class)).isEqualTo(live);

		HttpResponse<byte[]> file = api.getBytes("/api/v1/reports/quarterly/" + id + ".xlsx");
		assertThat(file.statusCode()).isEqualTo(200);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
			List<Row> overview = workbook.findSheet("季度概况").orElseThrow().read();
			assertThat(overview.get(2).getCellText(0)).isEqualTo("投诉");
			assertThat(overview.get(2).getCellText(1)).as("the frozen count, not the live one").isEqualTo("3");
			assertThat(workbook.findSheet("分析与措施").orElseThrow().read().get(3).getCellText(1)).isEqualTo("纠正");
		}
		HttpTestClient other = new HttpTestClient(port).withBasic(b.siteManager().username(), b.siteManager().password());
		assertThat(other.getBytes("/api/v1/reports/quarterly/" + id + ".xlsx").statusCode()).isEqualTo(404);
	}

	@Test
	void aManagerOfOneSiteNeitherSeesNorStartsAnothersReport() {
		QuarterlyAnalysisDetails ofB = analyses.start(b.siteManager().user(), b.site().id(), QUARTER);
		long siteB = b.site().id();
		assertThatThrownBy(() -> analyses.start(managerOfA, siteB, QUARTER)).isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该项目");
		assertThatThrownBy(() -> analyses.get(managerOfA, ofB.id())).isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该季度投诉分析报告");
		assertThatThrownBy(() -> analyses.write(managerOfA, ofB.id(), ofB.version(), new WrittenSections("x", "", "")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> analyses.figures(managerOfA, siteB, QUARTER)).isInstanceOf(NotFoundException.class);
		assertThat(analyses.list(managerOfA)).isEmpty();
		assertThat(analyses.get(b.siteManager().user(), ofB.id()).sections().analysis()).isEmpty();

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.siteManager().username(), a.siteManager().password());
		assertThat(page.get("/reports/quarterly/" + ofB.id()).statusCode()).isEqualTo(404);
		assertThat(page.get("/reports/quarterly").body()).doesNotContain("/reports/quarterly/" + ofB.id());
		assertThat(page.postForm("/reports/quarterly", Map.of("site", String.valueOf(siteB), "year",
				String.valueOf(QUARTER.year()), "quarter", String.valueOf(QUARTER.quarter()))).statusCode()).isEqualTo(404);
		HttpTestClient api = new HttpTestClient(port).withBasic(a.siteManager().username(), a.siteManager().password());
		HttpResponse<String> other = api.get("/api/v1/reports/quarterly/" + ofB.id());
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).contains("没有找到该季度投诉分析报告");
		assertThat(api.get("/api/v1/reports/quarterly/figures?site=" + siteB + "&year=" + QUARTER.year() + "&quarter="
				+ QUARTER.quarter()).statusCode()).isEqualTo(404);
		assertThat(api.postJson("/api/v1/reports/quarterly", "{\"site\":" + siteB + ",\"year\":" + QUARTER.year()
				+ ",\"quarter\":" + QUARTER.quarter() + "}").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/reports/quarterly").body()).isEqualTo("[]");
		assertThat(analyses.list(b.siteManager().user())).extracting(QuarterlyAnalysisSummary::id).containsExactly(ofB.id());
	}

	@Test
	void thePagesShowTheFiguresAndTakeTheStepsTheRoleAllows() {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(quality.username(), quality.password());
		assertThat(page.get("/reports/quarterly").body()).contains("id=\"quarterly-start\"");
		HttpResponse<String> started = page.postForm("/reports/quarterly", Map.of("site", String.valueOf(a.site().id()),
				"year", String.valueOf(QUARTER.year()), "quarter", String.valueOf(QUARTER.quarter())));
		assertThat(started.statusCode()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String html = page.get("/reports/quarterly/" + id).body();
		assertThat(html).contains("quarterly-print.css", "data-chart=\"trend\"", "<textarea", "id=\"submit\"",
				a.site().name() + " " + QUARTER + " 投诉分析报告", "id=\"complaints-count\">3<",
				"id=\"change-previous\">50.0%<", "id=\"change-last-year\">-25.0%<", "id=\"repeat-count\">1<", "未定责任部门")
			.doesNotContain("id=\"approve\"");

		int version = analyses.get(quality.user(), id).version();
		assertThat(page.postForm("/reports/quarterly/" + id + "/sections", Map.of("version", String.valueOf(version),
				"analysis", "夜间施工", "correctiveMeasures", "", "preventiveMeasures", "")).statusCode()).isEqualTo(302);
		HttpResponse<String> stale = page.postForm("/reports/quarterly/" + id + "/sections",
				Map.of("version", String.valueOf(version), "analysis", "覆盖", "correctiveMeasures", "", "preventiveMeasures", ""));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("该报告已被他人修改，您的更改没有保存，请刷新后重试");
		assertThat(analyses.get(quality.user(), id).sections().analysis()).isEqualTo("夜间施工");
		page.get("/reports/quarterly/" + id);
		HttpResponse<String> blank = page.postForm("/reports/quarterly/" + id + "/submit", Map.of("version",
				String.valueOf(version + 1), "analysis", "夜间施工", "correctiveMeasures", "", "preventiveMeasures", "告知"));
		assertThat(page.follow(blank).body()).contains("请填写纠正措施");
		assertThat(page.postForm("/reports/quarterly/" + id + "/submit", Map.of("version", String.valueOf(version + 1),
				"analysis", "夜间施工", "correctiveMeasures", "限时施工", "preventiveMeasures", "告知")).statusCode()).isEqualTo(302);
		assertThat(page.get("/reports/quarterly/" + id).body()).contains("限时施工").doesNotContain("<textarea");

		HttpTestClient boss = new HttpTestClient(port);
		boss.signIn(executive.username(), executive.password());
		String toJudge = boss.get("/reports/quarterly/" + id).body();
		assertThat(toJudge).contains("id=\"approve\"", "id=\"return\"");
		assertThat(boss.postForm("/reports/quarterly/" + id + "/approve", Map.of("version", String.valueOf(version + 2)))
			.statusCode()).isEqualTo(302);
		assertThat(boss.get("/reports/quarterly/" + id).body()).contains("id=\"quarterly-snapshot\"", "已批准")
			.doesNotContain("id=\"approve\"");
		assertThat(boss.get("/reports/dashboard").body()).contains("href=\"/reports/quarterly\"");
	}

	@Test
	void theDetailPageDrawsItsChartsAndPrintsTheTextWithoutControls() throws Exception {
		long id = analyses.write(quality.user(), analyses.start(quality.user(), a.site().id(), QUARTER).id(), 0,
				new WrittenSections("夜间施工噪音集中", "", "")).id();
		try (Browser browser = new Browser(port, 1280)) {
			browser.signIn(quality.username(), quality.password());
			browser.open("/reports/quarterly/" + id);
			browser.waitForChart("chart-trend");
			browser.waitForChart("chart-categories");
			assertThat(browser.find(By.id("save")).isDisplayed()).isTrue();
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
			assertThat(browser.driver().findElement(By.id("save")).isDisplayed()).isFalse();
			assertThat(browser.driver().findElement(By.id("analysis")).isDisplayed()).as("the textarea").isFalse();
			assertThat(browser.find(By.cssSelector("#quarterly-sections .quarterly-text")).getText()).isEqualTo("夜间施工噪音集中");
			assertThat(browser.driver().findElements(By.cssSelector("nav")).stream().noneMatch(e -> e.isDisplayed())).isTrue();
			browser.screenshot(Path.of("target/screenshots/quarterly-analysis-print.png"));
		}
	}

	@Test
	void theApiTakesTheStepsAndRefusesBadInput() {
		HttpTestClient api = new HttpTestClient(port).withBasic(quality.username(), quality.password());
		HttpResponse<String> created = api.postJson("/api/v1/reports/quarterly", "{\"site\":" + a.site().id()
				+ ",\"year\":" + QUARTER.year() + ",\"quarter\":" + QUARTER.quarter() + "}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode report = json.readTree(created.body());
		long id = report.get("id").asLong();
		assertThat(report.get("figures").get("complaints").get("count").asLong()).isEqualTo(3);
		HttpResponse<String> saved = api.postJson("/api/v1/reports/quarterly/" + id + "/sections",
				"{\"version\":" + report.get("version").asInt() + ",\"analysis\":\"原因\",\"correctiveMeasures\":\"纠正\","
						+ "\"preventiveMeasures\":\"预防\"}");
		assertThat(saved.statusCode()).isEqualTo(200);
		HttpResponse<String> stale = api.postJson("/api/v1/reports/quarterly/" + id + "/submit",
				"{\"version\":" + report.get("version").asInt() + "}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("该报告已被他人修改");
		int version = json.readTree(saved.body()).get("version").asInt();
		assertThat(api.postJson("/api/v1/reports/quarterly/" + id + "/submit", "{\"version\":" + version + "}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> approve = api.postJson("/api/v1/reports/quarterly/" + id + "/approve",
				"{\"version\":" + (version + 1) + "}");
		assertThat(approve.statusCode()).isEqualTo(403);
		HttpTestClient boss = new HttpTestClient(port).withBasic(executive.username(), executive.password());
		HttpResponse<String> returned = boss.postJson("/api/v1/reports/quarterly/" + id + "/return",
				"{\"version\":" + (version + 1) + "}");
		assertThat(returned.statusCode()).isEqualTo(400);
		assertThat(returned.body()).contains("请填写退回原因", "\"field\":\"note\"");
		assertThat(boss.postJson("/api/v1/reports/quarterly/" + id + "/approve", "{}").body()).contains("请提供所读报告的版本号");
		assertThat(json.readTree(boss.postJson("/api/v1/reports/quarterly/" + id + "/approve",
				"{\"version\":" + (version + 1) + "}").body()).get("state").asString()).isEqualTo("APPROVED");

		HttpResponse<String> badQuarter = api.get("/api/v1/reports/quarterly/figures?site=" + a.site().id()
				+ "&year=2026&quarter=5");
		assertThat(badQuarter.statusCode()).isEqualTo(400);
		assertThat(badQuarter.body()).contains("季度须为 1 至 4");
		assertThat(api.get("/api/v1/reports/quarterly/figures?quarter=1").body()).contains("请选择年份");
		assertThat(api.postJson("/api/v1/reports/quarterly", "{\"year\":2026,\"quarter\":1}").body())
			.as("no site is the company's report, which needs every site")
			.contains("只有能查看全部项目的人员可以编写全公司报告");
		assertThatThrownBy(() -> new Quarter(1999, 1)).hasMessage("年份须在 2000 至 2100 之间");
		assertThat(new Quarter(2026, 1).previous()).isEqualTo(new Quarter(2025, 4));
		assertThat(new Quarter(2026, 4).to()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	private long categoryId(String name) {
		return requests.categories(RequestType.COMPLAINT).stream().filter(c -> c.name().equals(name)).findFirst()
			.orElseThrow().id();
	}

	private long clocks(long requestId) {
		return jdbc.sql("select count(*) from standard.request_clock where request_id = :id")
			.param("id", requestId)
			.query(Long.class)
			.single();
	}

	/** Waits until the listeners (clocks, callbacks) have taken every event of the request. */
	private void awaitEventsHandled(long requestId) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where serialized_event ~ ('"requestId":' || :id || '[,}]') and completion_date is null""")
			.param("id", requestId)
			.query(Long.class)
			.single() == 0);
	}
}
