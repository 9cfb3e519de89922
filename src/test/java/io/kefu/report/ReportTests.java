package io.kefu.report;

import io.kefu.KefuApplication;
import io.kefu.callback.CallbackManagement;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackMother;
import io.kefu.callback.CallbackQueries;
import io.kefu.callback.CallbackOutcome;
import io.kefu.callback.CallbackSummary;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.shared.Satisfaction;
import java.time.YearMonth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.report.Dashboard.Figure;
import io.kefu.report.ReportMother.Month;
import io.kefu.request.QueueFilter;
import io.kefu.request.RequestSearch;
import io.kefu.request.RequestType;
import io.kefu.request.SearchState;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.ServiceRequestSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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

/** Every figure of the dashboard and the monthly summary on a month whose answers are known. */
@KefuIntegrationTest
class ReportTests {

	static final ReportPeriod PERIOD = ReportPeriod.month(ReportMother.MONTH);

	@Autowired
	ReportMother mother;

	@Autowired
	CallbackMother callbacks;

	@Autowired
	CallbackManagement callbackManagement;

	@Autowired
	CallbackQueries callbackQueries;

	@Autowired
	ReportManagement reports;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Month a;

	Month b;

	CurrentUser managerOfA;

	@BeforeEach
	void twoSites() {
		a = mother.month();
		b = mother.month();
		managerOfA = a.site().siteManager().user();
		// Labels in the language of a page request without a language cookie.
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void noLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theHeadlineFigures() {
		Dashboard dashboard = reports.dashboard(managerOfA, a.site().site().id(), PERIOD);
		Dashboard.Headline h = dashboard.headline();
		assertThat(h.requests().count()).isEqualTo(8);
		assertThat(h.complaints().count()).isEqualTo(3);
		assertThat(h.repeatComplaints().count()).isEqualTo(1);
		assertThat(h.resolved().count()).isEqualTo(5);
		// 4, 24, 2, 8 and 1 hours: average 7.8 h; p90 interpolates 0.6 of the way from 8 to 24 h.
		assertThat(h.averageHandling()).isEqualTo(Duration.ofMinutes(468));
		assertThat(h.p90Handling()).isEqualTo(Duration.ofMinutes(1056));
		assertThat(h.suggestionReplies().value()).isEqualTo(50.0);
		assertThat(h.suggestionReplies().count()).isEqualTo(1);
		assertThat(h.suggestionReplies().of()).isEqualTo(2);
		assertThat(h.suggestionReplies().target()).isEqualTo(100.0);
		assertThat(h.backlog().count()).isEqualTo(4);
	}

	@Test
	void theCallbackRateAndSatisfactionOfTheRequestsResolvedInThePeriod() {
		FieldSite site = callbacks.site();
		long called = callbacks.resolvedRepair(site);
		long waiting = callbacks.resolvedRepair(site);
		CallbackSummary callback = callbacks.openCallback(site, called);
		callbacks.openCallback(site, waiting);
		callbackManagement.complete(site.agent().user(), callback.id(), callback.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.SATISFIED, "修得很好"));

		Dashboard.Headline h = reports.dashboard(site.siteManager().user(), site.site().id(),
				ReportPeriod.month(YearMonth.now(KefuApplication.ZONE))).headline();
		assertThat(h.callbacks().value()).as("1 called back of 2 due").isEqualTo(50.0);
		assertThat(h.callbacks().target()).isEqualTo(100.0);
		assertThat(h.satisfaction().value()).isEqualTo(100.0);
		assertThat(h.satisfaction().of()).isEqualTo(1);
		assertThat(h.satisfaction().target()).isEqualTo(80.0);
		ReportPeriod month = ReportPeriod.month(YearMonth.now(KefuApplication.ZONE));
		assertThat(h.callbacks().link()).isEqualTo("/callbacks/resolved?site=" + site.site().id() + "&from="
				+ month.from() + "&to=" + month.to());
		assertThat(h.satisfaction().link()).isEqualTo(h.callbacks().link() + "&reached=true");
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.siteManager().username(), site.siteManager().password());
		String required = page.get(h.callbacks().link()).body();
		String reached = page.get(h.satisfaction().link()).body();
		String calledNumber = queries.details(site.agent().user(), called).number();
		String waitingNumber = queries.details(site.agent().user(), waiting).number();
		assertThat(required).as("both callbacks due").contains(calledNumber, waitingNumber, "满意");
		assertThat(reached).as("only the one reached").contains(calledNumber).doesNotContain(waitingNumber);
		CurrentUser quality = staff.user(EnumSet.of(Role.QUALITY), List.of(site.site().id())).user();
		assertThat(callbackQueries.ofResolutions(quality, null, month.from().atStartOfDay(KefuApplication.ZONE).toInstant(),
				month.to().plusDays(1).atStartOfDay(KefuApplication.ZONE).toInstant(), false, null, 1))
			.satisfies(p -> {
				assertThat(p.items()).hasSize(1);
				assertThat(p.nextCursor()).as("two callbacks, a page of one").isNotNull();
			});
		HttpTestClient other = new HttpTestClient(port);
		other.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		assertThat(other.get(h.callbacks().link()).statusCode()).as("another site's callbacks").isEqualTo(404);
		assertThat(other.get("/callbacks/resolved?from=" + month.from() + "&to=" + month.to()).body())
			.doesNotContain(calledNumber);
		assertThat(reports.dashboard(managerOfA, a.site().site().id(), ReportPeriod.month(YearMonth.now(KefuApplication.ZONE)))
			.headline().satisfaction().of()).as("another site's callbacks are not counted").isZero();
	}

	@Test
	void theCountsByTypeChannelCategoryBuildingAndAge() {
		Dashboard dashboard = reports.dashboard(managerOfA, a.site().site().id(), PERIOD);
		assertThat(counts(dashboard.types())).containsExactlyInAnyOrderEntriesOf(
				Map.of("COMPLAINT", 3L, "HELP", 2L, "SUGGESTION", 2L, "INQUIRY", 1L));
		assertThat(counts(dashboard.channels())).containsExactlyInAnyOrderEntriesOf(Map.of("PHONE", 7L, "VISIT", 1L));
		Map<String, Long> categories = dashboard.categories().stream()
			.collect(Collectors.toMap(Figure::label, Figure::count));
		assertThat(categories).containsEntry("投诉 · 噪音", 2L).containsEntry("投诉 · 卫生", 1L)
			.containsEntry("建议 · 服务", 2L).containsEntry("求助 · 代办", 2L);
		assertThat(dashboard.buildings()).singleElement().satisfies(building -> {
			assertThat(building.label()).isEqualTo("180幢");
			assertThat(building.count()).isEqualTo(8);
		});
		assertThat(dashboard.backlog()).extracting(Figure::code, Figure::count).containsExactly(tuple("UNDER_1_DAY", 1L),
				tuple("DAYS_1_TO_3", 0L), tuple("DAYS_3_TO_7", 0L), tuple("DAYS_7_TO_30", 0L), tuple("OVER_30_DAYS", 3L));
	}

	@Test
	void theParetoAndTheDepartments() {
		Dashboard dashboard = reports.dashboard(managerOfA, a.site().site().id(), PERIOD);
		assertThat(dashboard.pareto()).extracting(p -> p.figure().label(), p -> p.figure().count())
			.containsExactly(tuple("噪音", 2L), tuple("卫生", 1L));
		assertThat(dashboard.pareto().get(0).cumulativePercent()).isCloseTo(66.67, within(0.01));
		assertThat(dashboard.pareto().get(1).cumulativePercent()).isEqualTo(100.0);
		assertThat(dashboard.departments()).hasSize(2);
		Dashboard.DepartmentRow engineering = dashboard.departments().get(0);
		assertThat(engineering.name()).isEqualTo("工程部");
		assertThat(List.of(engineering.valid().count(), engineering.invalid().count(), engineering.undecided().count()))
			.containsExactly(1L, 1L, 0L);
		Dashboard.DepartmentRow none = dashboard.departments().get(1);
		assertThat(none.name()).isEqualTo("未定责任部门");
		assertThat(none.undecided().count()).isEqualTo(1);
	}

	@Test
	void theOnTimeRateIsThatOfTheStandardsClocksStartedInThePeriod() {
		mother.clocksFromRegistration(a);
		Map<String, Long> states = jdbc.sql("""
				select state, count(*) as n from standard.request_clock where site_id = :site group by state""")
			.param("site", a.site().site().id())
			.query((rs, n) -> Map.entry(rs.getString("state"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		long met = states.getOrDefault("MET", 0L);
		long finished = met + states.getOrDefault("BREACHED", 0L);
		assertThat(finished).as("the resolved requests' clocks have stopped").isPositive();
		Dashboard.Rate onTime = reports.dashboard(managerOfA, a.site().site().id(), PERIOD).headline().onTime();
		assertThat(onTime.count()).isEqualTo(met);
		assertThat(onTime.of()).isEqualTo(finished);
		assertThat(onTime.value()).isEqualTo(100.0 * met / finished);
	}

	@Test
	void everyFigureLinksToTheRequestsBehindIt() {
		long site = a.site().site().id();
		Dashboard dashboard = reports.dashboard(managerOfA, site, PERIOD);
		assertThat(dashboard.headline().repeatComplaints().link()).isEqualTo("/requests/search?site=" + site + "&from="
				+ PERIOD.from() + "&to=" + PERIOD.to() + "&type=COMPLAINT&repeat=true");
		assertThat(ids(new RequestSearch(period(RequestType.COMPLAINT), SearchState.ALL, true, null, null)))
			.containsExactly(a.complaint2());
		assertThat(ids(new RequestSearch(period(RequestType.COMPLAINT), SearchState.ALL, false,
				a.site().engineering(), true))).containsExactly(a.complaint1());
		assertThat(ids(new RequestSearch(period(RequestType.COMPLAINT), SearchState.ALL, false,
				RequestSearch.NO_DEPARTMENT, null))).containsExactly(a.complaint3());
		assertThat(ids(new RequestSearch(period(null), SearchState.RESOLVED, false, null, null)))
			.containsExactlyInAnyOrder(a.help1(), a.help2(), a.complaint1(), a.complaint2(), a.suggestion1());
		assertThat(ids(new RequestSearch(period(null), SearchState.ALL, false, null, null))).hasSize(8);
		LocalDate today = LocalDate.now(KefuApplication.ZONE);
		assertThat(ids(new RequestSearch(new QueueFilter(null, null, null, null, null, today.minusDays(30)),
				SearchState.OPEN, false, null, null)))
			.containsExactly(a.inquiry(), a.suggestion2(), a.complaint3());

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		String search = page.get(dashboard.headline().repeatComplaints().link()).body();
		String number = queries.details(managerOfA, a.complaint2()).number();
		assertThat(search).contains(number).doesNotContain(queries.details(managerOfA, a.complaint1()).number());
		String dashboardPage = page.get("/reports/dashboard?site=" + site + "&period=CUSTOM&from=" + PERIOD.from() + "&to="
				+ PERIOD.to()).body();
		assertThat(dashboardPage).contains("href=\"/requests/search?site=" + site + "&amp;from=" + PERIOD.from()
				+ "&amp;to=" + PERIOD.to() + "&amp;type=COMPLAINT&amp;repeat=true\"");
	}

	@Test
	void theOnTimeFiguresLinkToTheRequestsOfTheirClocks() {
		long site = a.site().site().id();
		mother.clocksFromRegistration(a);
		mother.completionBreached(a.complaint1());
		Dashboard dashboard = reports.dashboard(managerOfA, site, PERIOD);
		assertThat(dashboard.headline().onTime().link()).isEqualTo("/clocks?site=" + site + "&from=" + PERIOD.from()
				+ "&to=" + PERIOD.to() + "&state=BREACHED");
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		assertThat(requestIds(page.get(dashboard.headline().onTime().link()).body()))
			.containsExactlyInAnyOrderElementsOf(clockRequests(site, null, null, "BREACHED"))
			.contains(a.complaint1());
		Map<String, String[]> states = Map.of("MET", new String[] { "MET" }, "BREACHED", new String[] { "BREACHED" },
				"RUNNING", new String[] { "RUNNING", "PAUSED" });
		long listed = 0;
		for (Dashboard.OnTimeRow row : dashboard.onTime()) {
			Map<String, Long> counts = Map.of("MET", row.met(), "BREACHED", row.breached(), "RUNNING", row.running());
			for (String state : states.keySet()) {
				String link = state.equals("MET") ? row.metLink() : state.equals("BREACHED") ? row.breachedLink()
						: row.runningLink();
				String standard = link.replaceAll(".*[?&]standard=(\\d+).*", "$1");
				String kind = link.replaceAll(".*[?&]kind=([A-Z_]+).*", "$1");
				assertThat(link).startsWith("/clocks?site=" + site + "&from=" + PERIOD.from() + "&to=" + PERIOD.to())
					.endsWith("&state=" + state);
				List<Long> expected = clockRequests(site, Long.valueOf(standard), kind, states.get(state));
				assertThat(expected).as(link).hasSize(counts.get(state).intValue());
				assertThat(requestIds(page.get(link).body())).as(link).containsExactlyInAnyOrderElementsOf(expected);
				listed += expected.size();
			}
		}
		assertThat(listed).as("the links lead to some clocks").isPositive();
		String dashboardPage = page.get("/reports/dashboard?site=" + site + "&period=CUSTOM&from=" + PERIOD.from() + "&to="
				+ PERIOD.to()).body();
		assertThat(dashboardPage).contains("id=\"headline-on-time\" href=\"/clocks?site=" + site)
			.contains("href=\"" + dashboard.onTime().get(0).breachedLink().replace("&", "&amp;") + "\"");
	}

	@Test
	void aUserOfOneSiteSeesNoneOfAnothersFigures() throws IOException {
		Dashboard all = reports.dashboard(managerOfA, null, PERIOD);
		assertThat(all.headline().requests().count()).isEqualTo(8);
		assertThat(all.headline().backlog().count()).isEqualTo(4);
		assertThat(all.buildings()).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(8));
		assertThat(reports.monthlyComplaints(managerOfA, null, ReportMother.MONTH).lines()).hasSize(3);
		assertThat(rows(workbook(managerOfA, null))).hasSize(2 + 3);
		long siteB = b.site().site().id();
		assertThatThrownBy(() -> reports.dashboard(managerOfA, siteB, PERIOD)).isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该项目");
		assertThatThrownBy(() -> reports.monthlyComplaints(managerOfA, siteB, ReportMother.MONTH))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> workbook(managerOfA, siteB)).isInstanceOf(NotFoundException.class);
		assertThat(queries.search(managerOfA, siteB, new RequestSearch(period(null), null, false, null, null), null, 50)
			.items()).isEmpty();

		HttpTestClient api = new HttpTestClient(port).withBasic(a.site().siteManager().username(),
				a.site().siteManager().password());
		HttpResponse<String> other = api.get("/api/v1/reports/dashboard?site=" + siteB + "&from=" + PERIOD.from() + "&to="
				+ PERIOD.to());
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).contains("没有找到该项目");
		assertThat(api.get("/api/v1/reports/complaints/monthly?site=" + siteB + "&month=" + ReportMother.MONTH).statusCode())
			.isEqualTo(404);
		assertThat(api.getBytes("/api/v1/reports/complaints/monthly.xlsx?site=" + siteB + "&month=" + ReportMother.MONTH)
			.statusCode()).isEqualTo(404);
		HttpResponse<String> own = api.get("/api/v1/reports/dashboard?from=" + PERIOD.from() + "&to=" + PERIOD.to());
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("\"requests\":{\"code\":\"requests\",\"label\":\"工单\",\"count\":8");
	}

	@Test
	void theMonthlySummaryAndItsWorkbook() throws IOException {
		CallbackSummary called = callbacks.openCallback(a.site(), a.complaint1());
		callbackManagement.complete(a.site().agent().user(), called.id(), called.version(),
				new CallbackOutcome(CallbackMethod.PHONE, Satisfaction.SATISFIED, "处理及时"));
		callbacks.openCallback(a.site(), a.complaint2());
		MonthlyComplaints summary = reports.monthlyComplaints(managerOfA, a.site().site().id(), ReportMother.MONTH);
		assertThat(summary.lines()).extracting(l -> l.complaint().id())
			.containsExactly(a.complaint1(), a.complaint2(), a.complaint3());
		ComplaintLine first = summary.lines().get(0);
		assertThat(first.category()).isEqualTo("噪音");
		assertThat(first.departmentName()).isEqualTo("工程部");
		assertThat(first.complaint().cause()).isEqualTo("夜间施工");

		List<Row> rows = rows(workbook(managerOfA, a.site().site().id()));
		assertThat(rows.get(0).getCellText(0)).isEqualTo(ReportMother.MONTH.getYear() + "年"
				+ ReportMother.MONTH.getMonthValue() + "月 " + a.site().site().name() + " 业户投诉汇总");
		assertThat(rows.get(1).getCellText(7)).isEqualTo("投诉内容");
		assertThat(rows).hasSize(2 + 3);
		Row line = rows.get(2);
		assertThat(line.getCellText(2)).isEqualTo(queries.details(managerOfA, a.complaint1()).number());
		assertThat(line.getCellText(1)).isEqualTo(a.site().site().name());
		assertThat(line.getCellText(6)).isEqualTo("噪音");
		assertThat(line.getCellText(9)).isEqualTo("有效");
		assertThat(line.getCellText(10)).isEqualTo("工程部");
		assertThat(line.getCellText(12)).isEqualTo("告知施工时间");
		assertThat(rows.get(3).getCellText(9)).isEqualTo("无效");
		assertThat(rows.get(4).getCellText(13)).isEqualTo("待派工");
		assertThat(rows.get(1).getCellText(14)).isEqualTo("回访结果");
		assertThat(List.of(line.getCellText(14), rows.get(3).getCellText(14), rows.get(4).getCellText(14)))
			.containsExactly("已回访 · 满意 · 处理及时", "待回访", "");

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		String html = page.get("/reports/complaints/monthly?site=" + a.site().site().id() + "&month=" + ReportMother.MONTH)
			.body();
		assertThat(html).contains("complaints-print.css", "告知施工时间", "共 3 件投诉", "已回访 · 满意 · 处理及时");
		HttpResponse<byte[]> file = page.getBytes("/reports/complaints/monthly.xlsx?site=" + a.site().site().id()
				+ "&month=" + ReportMother.MONTH);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(rows(file.body())).hasSize(5);
	}

	@Test
	void theDashboardWorkbookHasEveryTableOfThePage() throws IOException {
		long site = a.site().site().id();
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		assertThat(page.get("/reports/dashboard?site=" + site + "&period=CUSTOM&from=" + PERIOD.from() + "&to=" + PERIOD.to())
			.body()).contains("/reports/dashboard.xlsx?site=" + site + "&amp;period=CUSTOM&amp;from=" + PERIOD.from());
		HttpResponse<byte[]> file = page.getBytes("/reports/dashboard.xlsx?site=" + site + "&period=CUSTOM&from="
				+ PERIOD.from() + "&to=" + PERIOD.to());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
			List<String> sheets = workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
			assertThat(sheets).containsExactly("概览", "类型", "渠道", "类别", "楼栋", "投诉原因", "责任部门", "未办结账龄", "按时率");
			Map<String, String> headline = cells(workbook, "概览");
			assertThat(headline).containsEntry("工单", "8").containsEntry("投诉", "3").containsEntry("重复投诉", "1")
				.containsEntry("建议回复率(%)", "50.0");
			assertThat(cells(workbook, "类型")).containsEntry("投诉", "3").containsEntry("求助", "2");
			assertThat(cells(workbook, "投诉原因")).containsEntry("噪音", "2").containsEntry("卫生", "1");
			assertThat(cells(workbook, "责任部门")).containsEntry("工程部", "1");
			assertThat(cells(workbook, "未办结账龄")).containsEntry("30 天以上", "3");
		}
		HttpTestClient api = new HttpTestClient(port).withBasic(a.site().siteManager().username(),
				a.site().siteManager().password());
		assertThat(api.getBytes("/api/v1/reports/dashboard.xlsx?site=" + site + "&from=" + PERIOD.from() + "&to="
				+ PERIOD.to()).statusCode()).isEqualTo(200);
		assertThat(api.getBytes("/api/v1/reports/dashboard.xlsx?site=" + b.site().site().id() + "&from=" + PERIOD.from()
				+ "&to=" + PERIOD.to()).statusCode()).as("another site's figures").isEqualTo(404);
		assertThat(page.getBytes("/reports/dashboard.xlsx?site=" + b.site().site().id()).statusCode()).isEqualTo(404);
	}

	@Test
	void badInputIsRefusedWithAClearMessage() {
		LocalDate day = LocalDate.now(KefuApplication.ZONE);
		assertThatThrownBy(() -> new ReportPeriod(day, day.minusDays(1))).isInstanceOf(InvalidInputException.class)
			.hasMessage("开始日期不能晚于结束日期");
		assertThatThrownBy(() -> new ReportPeriod(day.minusYears(2), day)).isInstanceOf(InvalidInputException.class)
			.hasMessage("统计期间不能超过两年");
		assertThat(new ReportPeriod(day.minusYears(2).plusDays(1), day).from()).isEqualTo(day.minusYears(2).plusDays(1));
		assertThatThrownBy(() -> ReportPeriod.parseMonth("2026-13")).isInstanceOf(InvalidInputException.class)
			.hasMessage("月份格式不正确，请按 2026-11 的格式填写");
		CurrentUser agent = a.site().agent().user();
		assertThatThrownBy(() -> reports.dashboard(agent, null, PERIOD)).isInstanceOf(AccessDeniedException.class);

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		HttpResponse<String> reversed = page.get("/reports/dashboard?period=CUSTOM&from=" + day + "&to=" + day.minusDays(1));
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.body()).contains("开始日期不能晚于结束日期");
		HttpResponse<String> month = page.get("/reports/complaints/monthly?month=11-2026");
		assertThat(month.statusCode()).isEqualTo(400);
		assertThat(month.body()).contains("月份格式不正确");
		assertThat(page.get("/reports/dashboard?site=" + b.site().site().id()).statusCode()).isEqualTo(404);
		HttpTestClient api = new HttpTestClient(port).withBasic(a.site().siteManager().username(),
				a.site().siteManager().password());
		HttpResponse<String> tooLong = api.get("/api/v1/reports/dashboard?from=" + day.minusYears(3) + "&to=" + day);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("统计期间不能超过两年");
	}

	@Test
	void theNavigationLeadsReadersToTheDashboard() {
		CurrentUser quality = staff.user(EnumSet.of(Role.QUALITY), List.of(a.site().site().id())).user();
		assertThat(reports.dashboard(quality, null, PERIOD).headline().requests().count()).isEqualTo(8);
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		assertThat(page.get("/").body()).contains("href=\"/reports/dashboard\"");
		HttpTestClient agent = new HttpTestClient(port);
		agent.signIn(a.site().agent().username(), a.site().agent().password());
		assertThat(agent.get("/").body()).doesNotContain("href=\"/reports/dashboard\"");
	}

	/** The requests of site's clocks started in the period, by standard and kind when given, in the states. */
	private List<Long> clockRequests(long site, Long standard, String kind, String... states) {
		return jdbc.sql("""
				select c.request_id from standard.request_clock c join standard.clock_rule k on k.id = c.clock_rule_id
				where c.site_id = :site and c.started_at >= :from and c.started_at < :to and c.state = any(:states)
				  and (cast(:standard as bigint) is null or k.standard_id = cast(:standard as bigint))
				  and (cast(:kind as text) is null or c.kind = cast(:kind as text))""")
			.param("site", site)
			.param("from", PERIOD.from().atStartOfDay(KefuApplication.ZONE).toOffsetDateTime())
			.param("to", PERIOD.to().plusDays(1).atStartOfDay(KefuApplication.ZONE).toOffsetDateTime())
			.param("standard", standard)
			.param("kind", kind)
			.param("states", states)
			.query(Long.class)
			.list();
	}

	/** The requests a clock list links to, once per clock. */
	private static List<Long> requestIds(String clockList) {
		Matcher m = Pattern.compile("href=\"/requests/(\\d+)\"").matcher(clockList);
		List<Long> ids = new ArrayList<>();
		while (m.find()) {
			ids.add(Long.valueOf(m.group(1)));
		}
		return ids;
	}

	private QueueFilter period(RequestType type) {
		return new QueueFilter(type, null, null, null, PERIOD.from(), PERIOD.to());
	}

	private List<Long> ids(RequestSearch search) {
		return queries.search(managerOfA, a.site().site().id(), search, null, 50).items().stream()
			.map(ServiceRequestSummary::id)
			.toList();
	}

	private byte[] workbook(CurrentUser user, Long site) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		reports.writeMonthlyComplaints(user, site, ReportMother.MONTH, out);
		return out.toByteArray();
	}

	/** The non-empty rows: the title, the headers, the complaints. */
	private static List<Row> rows(byte[] file) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
			return workbook.getFirstSheet().read().stream().filter(r -> r.getCellCount() > 0).toList();
		}
	}

	/** A sheet's rows below its headers as first cell to second cell. */
	private static Map<String, String> cells(ReadableWorkbook workbook, String sheet) throws IOException {
		return workbook.findSheet(sheet).orElseThrow().read().stream()
			.filter(r -> r.getRowNum() > 3 && r.getCellCount() > 1)
			.collect(Collectors.toMap(r -> r.getCellText(0), r -> r.getCellText(1), (x, y) -> x));
	}

	private static Map<String, Long> counts(List<Figure> figures) {
		return figures.stream()
			.collect(Collectors.toMap(Figure::code, Figure::count, (x, y) -> x, LinkedHashMap::new));
	}
}
