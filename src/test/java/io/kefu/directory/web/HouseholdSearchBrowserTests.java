package io.kefu.directory.web;

import java.nio.file.Path;
import java.util.List;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.domain.Households;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent types into the search box on a phone-sized screen and the household appears. */
@KefuIntegrationTest
class HouseholdSearchBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Households households;

	@Test
	void typingTheLastFourDigitsBringsUpTheHousehold() throws Exception {
		SiteAndAdmin site = staff.site();
		households.create(site.admin().user(), new HouseholdInput(site.site().id(), "钱多多", HouseholdState.OCCUPIED,
				null, null, List.of(), List.of(new PersonInput("钱多多", PersonRole.OWNER, "18655554321", null))));

		try (Browser browser = new Browser(port, 360)) {
			browser.signIn(site.admin().username(), site.admin().password());
			browser.open("/households");
			browser.find(By.id("household-search")).sendKeys("4321");
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), "钱多多"));
			browser.waitFor(ExpectedConditions.urlContains("q=4321"));
			browser.screenshot(Path.of("target/screenshots/household-search-phone.png"));

			browser.driver().findElement(By.cssSelector("#search-results a")).click();
			assertThat(browser.find(By.id("household-name")).getText()).isEqualTo("钱多多");
		}
	}
}
