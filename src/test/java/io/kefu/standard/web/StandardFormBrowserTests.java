package io.kefu.standard.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.request.RequestType;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ClockRule;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.Recipient;
import io.kefu.standard.ServiceStandard;
import io.kefu.standard.TargetUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator writes a standard with two clocks and an escalation step in the browser, on a desk and on a phone. */
@KefuIntegrationTest
class StandardFormBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	ClockManagement clocks;

	@Test
	void anAdministratorAddsAClockAndAStepWithTheButtonsAndSaves() throws Exception {
		SiteAndAdmin site = staff.site();
		try (Browser browser = new Browser(port, 1280)) {
			browser.signIn(site.admin().username(), site.admin().password());
			browser.open("/standards");
			browser.click(browser.find(By.id("new-standard")));
			browser.find(By.id("name")).sendKeys("浏览器投诉标准");
			new Select(browser.find(By.id("siteId"))).selectByValue(String.valueOf(site.site().id()));
			browser.find(By.id("position")).sendKeys("3");
			browser.click(browser.find(By.cssSelector("input[name='types'][value='COMPLAINT']")));
			field(browser, "clocks[0].targetAmount").sendKeys("2");

			browser.click(browser.find(By.cssSelector(".standard-clock .step-add")));
			field(browser, "clocks[0].further[0].afterMinutes").sendKeys("30");
			browser.click(field(browser, "clocks[0].further[0].recipients", "EXECUTIVE"));

			// two clocks added and the first of them removed: the one left is numbered clocks[1]
			browser.click(browser.find(By.id("add-clock")));
			browser.click(browser.find(By.id("add-clock")));
			List<WebElement> added = browser.driver().findElements(By.cssSelector(".standard-clock"));
			assertThat(added).hasSize(3);
			browser.click(added.get(1).findElement(By.cssSelector(".clock-remove")));
			browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".standard-clock"), 2));
			assertThat(browser.driver().findElements(By.cssSelector("[name^='clocks[2]']"))).isEmpty();
			new Select(field(browser, "clocks[1].kind")).selectByValue("COMPLETION");
			browser.click(field(browser, "clocks[1].stops", "DISPATCHED"));
			browser.click(field(browser, "clocks[1].stops", "RESOLVED"));
			field(browser, "clocks[1].targetAmount").sendKeys("3");
			new Select(field(browser, "clocks[1].targetUnit")).selectByValue("BUSINESS_DAYS");

			browser.click(browser.find(By.id("save-standard")));
			browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
			assertThat(browser.find(By.id("standard-list")).getText()).contains("3. 浏览器投诉标准");

			ServiceStandard saved = clocks.standards(site.admin().user()).stream()
				.filter(s -> s.siteId() != null && s.siteId() == site.site().id())
				.findFirst()
				.orElseThrow();
			assertThat(saved.types()).containsExactly(RequestType.COMPLAINT);
			assertThat(saved.clocks()).extracting(ClockRule::kind).containsExactly(ClockKind.DISPATCH, ClockKind.COMPLETION);
			assertThat(saved.clocks().get(0).further()).containsExactly(new ClockRule.Escalation(30, Set.of(Recipient.EXECUTIVE)));
			assertThat(saved.clocks().get(1).stops()).containsExactly(ClockTrigger.RESOLVED);
			assertThat(saved.clocks().get(1).target().unit()).isEqualTo(TargetUnit.BUSINESS_DAYS);

			browser.open("/standards/" + saved.id() + "/edit");
			browser.find(By.id("save-standard"));
			// the whole form in one picture: the window as tall as the page
			long height = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight");
			browser.driver().manage().window().setSize(new Dimension(1280, (int) height + 150));
			browser.screenshot(Path.of("target/screenshots/standard-edit.png"));
			try (Browser phone = new Browser(port, 390)) {
				phone.signIn(site.admin().username(), site.admin().password());
				phone.open("/standards/" + saved.id() + "/edit");
				WebElement clock = phone.find(By.cssSelector(".standard-clock"));
				assertThat((Long) ((JavascriptExecutor) phone.driver())
					.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).as("horizontal scroll")
					.isLessThanOrEqualTo(0L);
				((JavascriptExecutor) phone.driver()).executeScript("arguments[0].scrollIntoView({behavior: 'instant'})", clock);
				phone.screenshot(Path.of("target/screenshots/standard-edit-phone.png"));
			}
		}
	}

	private static WebElement field(Browser browser, String name) {
		return browser.find(By.name(name));
	}

	private static WebElement field(Browser browser, String name, String value) {
		return browser.find(By.cssSelector("[name='" + name + "'][value='" + value + "']"));
	}
}
