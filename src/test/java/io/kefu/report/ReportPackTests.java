package io.kefu.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.report.ReportMother.Month;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monthly and quarterly report packs: made when due, once, kept per site, made again on demand. */
@KefuIntegrationTest
class ReportPackTests {

	@Autowired
	ReportMother mother;

	@Autowired
	ReportPacks packs;

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
	}

	@Test
	void theMonthlyPackIsMadeOnTheMonthlyPackDayOnceForEachSite() throws IOException {
		LocalDate first = ReportMother.MONTH.atDay(1);
		packs.generateDue(ReportMother.MONTH.atDay(24));
		assertThat(packsOfA(PackKind.MONTHLY)).as("not before the 25th").isEmpty();

		assertThat(packs.generateDue(ReportMother.MONTH.atDay(25))).isGreaterThanOrEqualTo(2);
		List<ReportPack> monthly = packsOfA(PackKind.MONTHLY);
		assertThat(monthly).singleElement().satisfies(p -> {
			assertThat(p.from()).isEqualTo(first);
			assertThat(p.to()).isEqualTo(ReportMother.MONTH.atEndOfMonth());
			assertThat(p.fileName()).isEqualTo(a.site().site().name() + " " + ReportMother.MONTH.getYear() + "年"
					+ ReportMother.MONTH.getMonthValue() + "月 报表包.xlsx");
		});
		assertThat(packs.generateDue(ReportMother.MONTH.atDay(28))).as("made once").isZero();
		assertThat(packsOfA(PackKind.MONTHLY)).hasSize(1);

		try (ReadableWorkbook workbook = workbook(packs.content(managerOfA, monthly.get(0).id()))) {
			assertThat(workbook.getSheets().map(Sheet::getName).toList()).contains("概览", "类型", "投诉原因", "投诉汇总", "员工绩效");
			List<Row> complaints = rows(workbook, "投诉汇总");
			assertThat(complaints).as("title, headers and the month's three complaints of site A only").hasSize(5);
			assertThat(complaints.get(2).getCellText(1)).isEqualTo(a.site().site().name());
		}
	}

	@Test
	void theQuarterlyPackOfTheQuarterBeforeIsMadeInTheNextQuartersFirstMonth() throws IOException {
		ReportPeriod quarter = ReportPeriod.of(PeriodKind.QUARTER, ReportMother.MONTH.atDay(1), null, null);
		LocalDate next = quarter.to().plusDays(1);
		packs.generateDue(next);
		assertThat(packsOfA(PackKind.QUARTERLY)).filteredOn(p -> p.from().equals(quarter.from())).singleElement()
			.satisfies(p -> {
				assertThat(p.to()).isEqualTo(quarter.to());
				try (ReadableWorkbook workbook = workbook(packs.content(managerOfA, p.id()))) {
					assertThat(rows(workbook, "投诉汇总")).hasSize(5);
					assertThat(rows(workbook, "季度概况").get(2).getCellText(0)).isEqualTo("投诉");
					assertThat(rows(workbook, "季度概况").get(2).getCellText(1)).as("the quarter's complaints").isEqualTo("3");
					assertThat(workbook.findSheet("分析与措施")).as("no analysis was started").isEmpty();
				}
			});
	}

	@Test
	void aPackIsMadeAgainOnDemandOverTheOneBefore() {
		long site = a.site().site().id();
		LocalDate day = ReportMother.MONTH.atDay(10);
		ReportPack made = packs.generate(managerOfA, site, PackKind.MONTHLY, day);
		ReportPack again = packs.generate(managerOfA, site, PackKind.MONTHLY, day);
		assertThat(again.id()).isEqualTo(made.id());
		assertThat(again.generatedAt()).isAfterOrEqualTo(made.generatedAt());
		assertThat(packsOfA(PackKind.MONTHLY)).hasSize(1);

		LocalDate nextMonth = LocalDate.now(io.kefu.KefuApplication.ZONE).plusMonths(1).withDayOfMonth(1);
		assertThatThrownBy(() -> packs.generate(managerOfA, site, PackKind.MONTHLY, nextMonth))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("不能生成尚未开始的期间的报表包");
		assertThatThrownBy(() -> packs.generate(managerOfA, site, null, day)).isInstanceOf(InvalidInputException.class)
			.hasMessage("请选择报表包的类型和期间");
		assertThatThrownBy(() -> packs.generate(managerOfA, b.site().site().id(), PackKind.MONTHLY, day))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> packs.generate(a.site().agent().user(), site, PackKind.MONTHLY, day))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(packsOfA(PackKind.MONTHLY)).as("nothing made by a refused call").hasSize(1);
	}

	@Test
	void packsAreScopedToTheUsersSitesOnThePagesAndTheApi() {
		long siteA = a.site().site().id();
		long siteB = b.site().site().id();
		LocalDate day = ReportMother.MONTH.atDay(10);
		ReportPack ofA = packs.generate(managerOfA, siteA, PackKind.MONTHLY, day);
		ReportPack ofB = packs.generate(b.site().siteManager().user(), siteB, PackKind.MONTHLY, day);
		assertThat(packs.list(managerOfA, null, null, 200).items()).extracting(ReportPack::siteId).containsOnly(siteA);
		assertThatThrownBy(() -> packs.content(managerOfA, ofB.id())).isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该报表包");

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(a.site().siteManager().username(), a.site().siteManager().password());
		String html = page.get("/reports/packs?site=" + siteA).body();
		assertThat(html).contains(ofA.from() + " ~ " + ofA.to(), "/reports/packs/" + ofA.id() + "/file")
			.doesNotContain("/reports/packs/" + ofB.id() + "/file");
		HttpResponse<byte[]> file = page.getBytes("/reports/packs/" + ofA.id() + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(page.getBytes("/reports/packs/" + ofB.id() + "/file").statusCode()).isEqualTo(404);
		assertThat(page.get("/reports/packs?site=" + siteB).statusCode()).isEqualTo(404);
		HttpResponse<String> made = page.postForm("/reports/packs",
				Map.of("site", String.valueOf(siteA), "kind", "QUARTERLY", "day", day.toString()));
		assertThat(made.statusCode()).isEqualTo(302);
		assertThat(page.follow(made).body()).contains("已生成");
		assertThat(packsOfA(PackKind.QUARTERLY)).hasSize(1);

		HttpTestClient api = new HttpTestClient(port).withBasic(a.site().siteManager().username(),
				a.site().siteManager().password());
		HttpResponse<String> listed = api.get("/api/v1/reports/packs");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("\"id\":" + ofA.id()).doesNotContain("\"id\":" + ofB.id() + ",");
		assertThat(api.getBytes("/api/v1/reports/packs/" + ofB.id() + "/file").statusCode()).isEqualTo(404);
		HttpResponse<String> future = api.post("/api/v1/reports/packs?site=" + siteA + "&kind=MONTHLY&day="
				+ LocalDate.now(io.kefu.KefuApplication.ZONE).plusMonths(2), "application/json", "");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("不能生成尚未开始的期间的报表包");
		HttpTestClient agent = new HttpTestClient(port).withBasic(a.site().agent().username(), a.site().agent().password());
		assertThat(agent.get("/api/v1/reports/packs").statusCode()).isEqualTo(403);
	}

	private List<ReportPack> packsOfA(PackKind kind) {
		return packs.list(managerOfA, a.site().site().id(), null, 200).items().stream()
			.filter(p -> p.kind() == kind)
			.toList();
	}

	private static ReadableWorkbook workbook(byte[] content) throws IOException {
		return new ReadableWorkbook(new ByteArrayInputStream(content));
	}

	private static List<Row> rows(ReadableWorkbook workbook, String sheet) throws IOException {
		return workbook.findSheet(sheet).orElseThrow().read().stream().filter(r -> r.getCellCount() > 0).toList();
	}
}
