package io.kefu.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.callback.CallbackMother;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.report.QuarterlyAnalysisDetails.Signature;
import io.kefu.report.domain.QuarterlyAnalysisRepository;
import io.kefu.report.domain.QuarterlyComplaintAnalysis;
import io.kefu.request.Channel;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static io.kefu.report.QuarterlyAnalysisTests.QUARTER;
import static io.kefu.report.ReportMother.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The company's quarterly complaint analysis (全公司): its figures are those of every
 * site, it is written, submitted, approved and frozen like a site's, and only those who
 * see every site see or start it. The shared database holds the sites of other tests
 * too, so "every site" is read from the directory when each test begins. The company
 * has one report a quarter, so each test works on a quarter of its own.
 */
@KefuIntegrationTest
class CompanyQuarterlyAnalysisTests {

	static final String COMPANY_ONLY = "只有能查看全部项目的人员可以编写全公司报告";

	@Autowired
	ReportMother mother;

	@Autowired
	CallbackMother callbacks;

	@Autowired
	QuarterlyAnalyses analyses;

	@Autowired
	DirectoryManagement directory;

	@Autowired
	StaffMother staff;

	@Autowired
	QuarterlyAnalysisRepository reports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	FieldSite a;

	FieldSite b;

	CurrentUser managerOfA;

	TestUser quality;

	TestUser executive;

	TestUser supervisor;

	/** Sites A and B with complaints in each of the three quarters the tests use; then the users of every site. */
	@BeforeEach
	void twoSitesAndTheHeadOffice() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		a = callbacks.site();
		b = callbacks.site();
		managerOfA = a.siteManager().user();
		for (Quarter quarter : List.of(QUARTER, QUARTER.previous(), QUARTER.previous().previous())) {
			complaint(a, quarter, 3);
			complaint(a, quarter, 10);
			complaint(b, quarter, 20);
		}
		quality = everySite(Role.QUALITY);
		executive = everySite(Role.EXECUTIVE);
		supervisor = everySite(Role.SUPERVISOR);
	}

	@AfterEach
	void noLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theCompanysReportHasEverySitesFiguresAndFreezesThemAtApproval() throws IOException {
		QuarterlyAnalysisDetails draft = analyses.start(quality.user(), null, QUARTER);
		long id = draft.id();
		assertThat(draft.siteId()).isNull();
		assertThat(draft.siteName()).isEqualTo("全公司");
		assertThat(draft.frozen()).isFalse();
		QuarterlyFigures all = analyses.figures(executive.user(), null, QUARTER);
		assertThat(draft.figures()).as("every site's figures, as a user of every site has them").isEqualTo(all);
		long ofA = analyses.figures(managerOfA, a.site().id(), QUARTER).complaints().count();
		long ofB = analyses.figures(b.siteManager().user(), b.site().id(), QUARTER).complaints().count();
		assertThat(List.of(ofA, ofB)).containsExactly(2L, 1L);
		assertThat(all.complaints().count()).as("A's and B's at least, not one site's").isGreaterThanOrEqualTo(ofA + ofB);
		assertThat(analyses.start(quality.user(), null, QUARTER).id()).as("starting it again opens it").isEqualTo(id);
		assertThat(analyses.of(executive.user(), null, QUARTER)).map(QuarterlyAnalysisDetails::id).contains(id);

		WrittenSections sections = new WrittenSections("各项目夜间施工噪音集中", "统一限定施工时间", "装修登记时签订施工承诺书");
		assertThatThrownBy(() -> analyses.write(supervisor.user(), id, draft.version(), sections))
			.as("a supervisor writes a site's report, not the company's").isInstanceOf(AccessDeniedException.class)
			.hasMessage("只有品质部可以编写和提交全公司季度投诉分析报告");
		QuarterlyAnalysisDetails submitted = analyses.submit(quality.user(), id, draft.version(), sections);
		assertThat(submitted.state()).isEqualTo(AnalysisState.SUBMITTED);
		assertThatThrownBy(() -> analyses.approve(quality.user(), id, submitted.version()))
			.isInstanceOf(AccessDeniedException.class);
		CurrentUser executiveOfA = staff.user(EnumSet.of(Role.EXECUTIVE), List.of(a.site().id())).user();
		assertThatThrownBy(() -> analyses.approve(executiveOfA, id, submitted.version()))
			.as("an executive of some sites does not see it").isInstanceOf(NotFoundException.class);

		QuarterlyFigures atApproval = analyses.figures(executive.user(), null, QUARTER);
		QuarterlyAnalysisDetails approved = analyses.approve(executive.user(), id, submitted.version());
		assertThat(approved.state()).isEqualTo(AnalysisState.APPROVED);
		assertThat(approved.frozen()).isTrue();
		assertThat(approved.figures()).isEqualTo(atApproval);
		assertThatThrownBy(() -> analyses.write(quality.user(), id, approved.version(), sections))
			.hasMessage("报告已批准，不能再修改");

		complaint(a, QUARTER, 30);
		complaint(b, QUARTER, 40);
		QuarterlyFigures live = analyses.figures(executive.user(), null, QUARTER);
		assertThat(live.complaints().count()).as("the live figures of every site changed")
			.isEqualTo(atApproval.complaints().count() + 2);
		assertThat(analyses.get(quality.user(), id).figures()).as("the report's did not").isEqualTo(atApproval);

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(quality.username(), quality.password());
		HttpResponse<byte[]> file = page.getBytes("/reports/quarterly/" + id + ".xlsx");
		assertThat(file.statusCode()).isEqualTo(200);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
			List<Row> overview = workbook.findSheet("季度概况").orElseThrow().read();
			assertThat(overview.get(0).getCellText(0)).isEqualTo("全公司 " + QUARTER + " 投诉分析报告");
			assertThat(overview.get(2).getCellText(1)).as("the frozen count, not the live one")
				.isEqualTo(String.valueOf(atApproval.complaints().count()));
			assertThat(workbook.findSheet("分析与措施").orElseThrow().read().get(3).getCellText(1)).isEqualTo("统一限定施工时间");
		}
		HttpTestClient api = new HttpTestClient(port).withBasic(executive.username(), executive.password());
		assertThat(api.getBytes("/api/v1/reports/quarterly/" + id + ".xlsx").statusCode()).isEqualTo(200);
	}

	@Test
	void onlyThoseWhoSeeEverySiteSeeOrStartIt() {
		Quarter quarter = QUARTER.previous();
		Quarter unstarted = QUARTER.yearBefore();
		QuarterlyAnalysisDetails report = analyses.start(quality.user(), null, quarter);
		long id = report.id();

		assertThat(analyses.list(managerOfA)).extracting(QuarterlyAnalysisSummary::siteId).doesNotContainNull();
		assertThatThrownBy(() -> analyses.get(managerOfA, id)).isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该季度投诉分析报告");
		assertThatThrownBy(() -> analyses.write(managerOfA, id, report.version(), new WrittenSections("x", "", "")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> analyses.start(managerOfA, null, quarter)).isInstanceOf(InvalidInputException.class)
			.hasMessage(COMPANY_ONLY);
		assertThatThrownBy(() -> analyses.of(managerOfA, null, quarter)).hasMessage(COMPANY_ONLY);
		CurrentUser qualityOfA = staff.user(EnumSet.of(Role.QUALITY), List.of(a.site().id())).user();
		assertThatThrownBy(() -> analyses.start(qualityOfA, null, unstarted)).hasMessage(COMPANY_ONLY);
		assertThatThrownBy(() -> analyses.start(executive.user(), null, unstarted))
			.isInstanceOf(AccessDeniedException.class).hasMessage("只有品质部可以编写和提交全公司季度投诉分析报告");
		assertThatThrownBy(() -> analyses.start(supervisor.user(), null, unstarted))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(analyses.mayWriteCompany(quality.user())).isTrue();
		assertThat(List.of(analyses.mayWriteCompany(qualityOfA), analyses.mayWriteCompany(supervisor.user()),
				analyses.mayWriteCompany(everySite(Role.ADMINISTRATOR).user()))).containsOnly(false);
		assertThat(analyses.list(supervisor.user())).extracting(QuarterlyAnalysisSummary::id).contains(id);

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.siteManager().username(), a.siteManager().password());
		assertThat(page.get("/reports/quarterly").body()).contains("id=\"quarterly-start\"", "id=\"site\" required")
			.doesNotContain("/reports/quarterly/" + id + "\"", "id=\"site-company\"");
		assertThat(page.get("/reports/quarterly/" + id).statusCode()).isEqualTo(404);
		assertThat(page.getBytes("/reports/quarterly/" + id + ".xlsx").statusCode()).isEqualTo(404);
		page.get("/reports/quarterly");
		HttpResponse<String> refused = page.postForm("/reports/quarterly", Map.of("site", "", "year",
				String.valueOf(unstarted.year()), "quarter", String.valueOf(unstarted.quarter())));
		assertThat(page.follow(refused).body()).contains(COMPANY_ONLY);

		HttpTestClient api = new HttpTestClient(port).withBasic(a.siteManager().username(), a.siteManager().password());
		HttpResponse<String> other = api.get("/api/v1/reports/quarterly/" + id);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).contains("没有找到该季度投诉分析报告");
		assertThat(json.readTree(api.get("/api/v1/reports/quarterly").body()).valueStream()
			.map(r -> r.get("id").asLong())).doesNotContain(id);
		for (String body : List.of("{\"year\":" + unstarted.year() + ",\"quarter\":" + unstarted.quarter() + "}",
				"{\"site\":null,\"year\":" + unstarted.year() + ",\"quarter\":" + unstarted.quarter() + "}")) {
			HttpResponse<String> started = api.postJson("/api/v1/reports/quarterly", body);
			assertThat(started.statusCode()).isEqualTo(400);
			assertThat(started.body()).contains(COMPANY_ONLY, "\"field\":\"site\"");
		}
		assertThat(companyReports(unstarted)).as("nothing saved").isZero();
	}

	@Test
	void qualityStaffStartItOnThePageAndThroughTheApi() {
		Quarter quarter = QUARTER.previous().previous();
		long ofA = analyses.start(quality.user(), a.site().id(), quarter).id();
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(quality.username(), quality.password());
		assertThat(page.get("/reports/quarterly").body()).as("全公司, the first option, needs no choice")
			.contains("id=\"site-company\"").doesNotContain("id=\"site\" required");
		Map<String, String> form = Map.of("site", "", "year", String.valueOf(quarter.year()), "quarter",
				String.valueOf(quarter.quarter()));
		HttpResponse<String> started = page.postForm("/reports/quarterly", form);
		assertThat(started.statusCode()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(page.postForm("/reports/quarterly", form).headers().firstValue("Location")).as("opened again")
			.contains(location);
		assertThat(page.get("/reports/quarterly/" + id).body()).contains("全公司 " + quarter + " 投诉分析报告",
				"id=\"quarterly-company\"", "<textarea");
		assertThat(page.get("/reports/quarterly").body()).contains("quarterly-company");
		List<QuarterlyAnalysisSummary> ofQuarter = analyses.list(quality.user()).stream()
			.filter(r -> r.quarter().equals(quarter))
			.toList();
		assertThat(ofQuarter).extracting(QuarterlyAnalysisSummary::id).as("the company's first in its quarter")
			.contains(ofA).first().isEqualTo(id);
		assertThat(ofQuarter.get(0).siteName()).isEqualTo("全公司");

		HttpTestClient boss = new HttpTestClient(port);
		boss.signIn(supervisor.username(), supervisor.password());
		assertThat(boss.get("/reports/quarterly/" + id).body()).contains("id=\"quarterly-company\"")
			.doesNotContain("<textarea");
		assertThat(boss.get("/reports/quarterly").body()).doesNotContain("id=\"site-company\"");

		HttpTestClient api = new HttpTestClient(port).withBasic(quality.username(), quality.password());
		HttpResponse<String> created = api.postJson("/api/v1/reports/quarterly",
				"{\"year\":" + quarter.year() + ",\"quarter\":" + quarter.quarter() + "}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		assertThat(body.get("id").asLong()).isEqualTo(id);
		assertThat(body.get("siteId").isNull()).isTrue();
		assertThat(body.get("siteName").asString()).isEqualTo("全公司");
		assertThat(json.treeToValue(body.get("figures"), QuarterlyFigures.class))
			.isEqualTo(analyses.figures(quality.user(), null, quarter));
		assertThat(reports.insert(QuarterlyComplaintAnalysis.start(null, quarter,
				new Signature(quality.user().accountId(), "并发", Instant.now()))))
			.as("a second company report of the quarter, started at the same moment, is not saved").isEmpty();
		assertThat(companyReports(quarter)).isEqualTo(1);
	}

	/** A user with the role and every site there is now. */
	private TestUser everySite(Role role) {
		return staff.user(EnumSet.of(role), directory.allSites().stream().map(SiteSummary::id).toList());
	}

	private void complaint(FieldSite site, Quarter quarter, int day) {
		mother.registered(site, RequestType.COMPLAINT, "噪音", Channel.PHONE, at(quarter, day, 9));
	}

	private long companyReports(Quarter quarter) {
		return jdbc.sql("""
				select count(*) from report.quarterly_analysis
				where site_id is null and year = :year and quarter = :quarter""")
			.param("year", quarter.year())
			.param("quarter", quarter.quarter())
			.query(Long.class)
			.single();
	}
}
