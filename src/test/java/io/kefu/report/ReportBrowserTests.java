package io.kefu.report;

import java.nio.file.Path;
import java.util.List;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.report.ReportMother.Month;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard draws its charts (canvases with something on them), and a click on a bar opens its requests. */
@KefuIntegrationTest
class ReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ReportMother mother;

	@Test
	void theDashboardDrawsItsCharts() throws Exception {
		Month month = mother.month();
		var manager = month.site().siteManager();
		try (Browser browser = new Browser(port, 1280)) {
			browser.signIn(manager.username(), manager.password());
			browser.open("/reports/dashboard?period=MONTH&day=" + ReportMother.MONTH.atDay(1));
			for (String chart : List.of("chart-types", "chart-channels", "chart-pareto", "chart-departments",
					"chart-buildings", "chart-backlog", "chart-categories")) {
				browser.waitForChart(chart);
			}
			assertThat(browser.find(By.id("headline-requests")).getText()).isEqualTo("8");
			assertThat(browser.find(By.id("type-table")).getText()).contains("投诉", "建议", "求助", "咨询");
			browser.screenshot(Path.of("target/screenshots/report-dashboard.png"));
			browser.click(browser.find(By.id("headline-repeat")));
			browser.waitFor(ExpectedConditions.urlContains("/requests/search"));
			assertThat(browser.find(By.id("search-list")).findElements(By.cssSelector("a.list-group-item"))).hasSize(1);
		}
	}

	@Test
	void theOnTimeRateOpensTheBreachedClocksOnAPhone() throws Exception {
		Month month = mother.month();
		mother.clocksFromRegistration(month);
		mother.completionBreached(month.complaint1());
		var manager = month.site().siteManager();
		try (Browser browser = new Browser(port, 390)) {
			browser.signIn(manager.username(), manager.password());
			browser.open("/reports/dashboard?site=" + month.site().site().id() + "&period=MONTH&day="
					+ ReportMother.MONTH.atDay(1));
			browser.click(browser.find(By.id("headline-on-time")));
			browser.waitFor(ExpectedConditions.urlContains("/clocks"));
			List<WebElement> rows = browser.find(By.id("clock-table")).findElements(By.cssSelector("tbody tr"));
			assertThat(rows).singleElement().satisfies(row -> assertThat(row.getText()).contains("超时", "1小时0分"));
			browser.screenshot(Path.of("target/screenshots/clock-list-phone.png"));
			browser.click(rows.get(0).findElement(By.tagName("a")));
			browser.waitFor(ExpectedConditions.urlContains("/requests/" + month.complaint1()));
		}
	}

	@Test
	void theStaffSheetSortsByAClickedColumn() throws Exception {
		ReportMother.StaffDay day = mother.staffDay();
		var manager = day.site().siteManager();
		try (Browser browser = new Browser(port, 390)) {
			browser.signIn(manager.username(), manager.password());
			browser.open("/reports/staff?site=" + day.site().site().id());
			WebElement received = browser.find(By.xpath("//table[@id='staff-table']//th[text()='受理']"));
			browser.click(received);
			assertThat(names(browser)).containsExactly("客服小王", "客服小张");
			assertThat(received.getAttribute("aria-sort")).isEqualTo("descending");
			browser.click(received);
			assertThat(names(browser)).containsExactly("客服小张", "客服小王");
			browser.screenshot(Path.of("target/screenshots/report-staff-phone.png"));
		}
	}

	private static List<String> names(Browser browser) {
		return browser.find(By.id("staff-table"))
			.findElements(By.cssSelector("tbody tr td:nth-child(2)"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}
}
