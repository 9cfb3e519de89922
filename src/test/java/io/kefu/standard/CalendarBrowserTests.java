package io.kefu.standard;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The month view of October 2026 and the rainy-day button, on a phone-sized screen. */
@KefuIntegrationTest
class CalendarBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	CalendarManagement calendars;

	@Test
	void theMonthViewShowsHolidaysAndMakeupDaysInTheirColours() throws Exception {
		TestUser admin = staff.administrator();
		try (Browser browser = new Browser(port, 400)) {
			browser.signIn(admin.username(), admin.password());
			browser.open("/admin/calendars/" + calendars.defaultCalendarId() + "?month=2026-09");
			browser.click(browser.find(By.cssSelector("[aria-label='下个月']")));
			browser.waitFor(ExpectedConditions.textToBe(By.id("month-title"), "2026-10"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("month=2026-10");
			String holiday = browser.find(By.cssSelector("[data-date='2026-10-01']")).getCssValue("background-color");
			String makeup = browser.find(By.cssSelector("[data-date='2026-10-10']")).getCssValue("background-color");
			String workday = browser.find(By.cssSelector("[data-date='2026-10-12']")).getCssValue("background-color");
			assertThat(holiday).isNotEqualTo(makeup).isNotEqualTo(workday);
			assertThat(makeup).isNotEqualTo(workday);
			assertThat(browser.find(By.cssSelector("[data-date='2026-10-10']")).getText()).contains("班");
			browser.screenshot(Path.of("target/screenshots/calendar-month.png"));
		}
	}

	@Test
	void aGuardRecordsRainWithOneTap() throws Exception {
		SiteAndAdmin site = staff.site();
		TestUser guard = staff.user(EnumSet.of(Role.SECURITY), List.of(site.site().id()));
		try (Browser browser = new Browser(port, 360)) {
			browser.signIn(guard.username(), guard.password());
			browser.open("/rainy-days");
			browser.click(browser.find(By.id("rainy-today")));
			browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
			assertThat(browser.find(By.id("rainy-days")).getText()).contains(guard.user().displayName());
			browser.screenshot(Path.of("target/screenshots/rainy-days.png"));
		}
	}
}
