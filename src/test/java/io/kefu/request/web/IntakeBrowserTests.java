package io.kefu.request.web;

import java.nio.file.Files;
import java.nio.file.Path;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.Registration;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.web.IntakeMother.Estate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A phone call taken on a phone-sized screen, and on a desk-sized one. */
@KefuIntegrationTest
class IntakeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	IntakeMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	RequestMother staffed;

	@Test
	void theAgentFindsTheCallerByTheLastFourDigitsAndReadsOutTheNewNumber() throws Exception {
		takeACall(400, "intake.png");
	}

	@Test
	void theSameCallOnADeskScreen() throws Exception {
		takeACall(1280, "intake-wide.png");
	}

	@Test
	void aComplaintNamesTheStaffMemberItIsAbout() throws Exception {
		FieldSite site = staffed.fieldSite();
		try (Browser browser = new Browser(port, 400)) {
			browser.signIn(site.agent().username(), site.agent().password());
			browser.open("/requests/new");
			assertThat(browser.driver().findElements(By.id("concerned-staff"))).isEmpty();
			browser.click(browser.find(By.cssSelector("label[for='type-COMPLAINT']")));
			browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("concerned-staff")));
			browser.waitFor(d -> new Select(d.findElement(By.id("category"))).getOptions().size() > 1);
			new Select(browser.find(By.id("category"))).selectByIndex(1);
			new Select(browser.find(By.id("concerned-staff")))
				.selectByValue(String.valueOf(site.technician().user().accountId()));
			browser.find(By.id("contact-name")).sendKeys("李女士");
			browser.find(By.id("room-code")).sendKeys(RequestMother.ROOM);
			browser.find(By.id("description")).sendKeys("维修工上门态度差");
			browser.click(browser.find(By.id("save-intake")));
			browser.click(browser.find(By.cssSelector("#registered a")));
			assertThat(browser.find(By.id("request-concerned")).getText()).isEqualTo("维修老李");
		}
	}

	private void takeACall(int width, String screenshot) throws Exception {
		Estate estate = mother.estate();
		long leak = mother.category(RequestType.REPAIR, "渗漏水");
		Registration earlier = requests.register(estate.agent().user(),
				new NewRequest(estate.siteId(), RequestType.REPAIR, leak, Channel.PHONE, Priority.NORMAL, false,
						estate.householdId(), null, null, false, null, "180#1-1-1", null, "上周报过：墙角渗水", null),
				null);
		String household = "household-" + estate.householdId();

		try (Browser browser = new Browser(port, width)) {
			browser.signIn(estate.agent().username(), estate.agent().password());
			browser.open("/requests/new");
			browser.find(By.id("household-search")).sendKeys("5678");
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id(household), "王大明"));
			WebElement card = browser.find(By.id(household));
			assertThat(card.getText()).contains("13912345678", "180#1-1-1", earlier.number(), "未办结（1）")
				.doesNotContain("重复报事");

			browser.click(card.findElement(By.cssSelector(".pick-household")));
			assertThat(browser.find(By.id("picked-household-name")).getText()).isEqualTo("王大明");
			assertThat(browser.find(By.id("contact-name")).getAttribute("value")).isEqualTo("王大明");
			assertThat(browser.find(By.id("contact-phone")).getAttribute("value")).isEqualTo("13912345678");
			assertThat(browser.find(By.id("room-code")).getAttribute("value")).isEqualTo("180#1-1-1");

			browser.click(browser.find(By.cssSelector("label[for='type-REPAIR']")));
			browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("category")));
			browser.waitFor(d -> new Select(d.findElement(By.id("category"))).getOptions().size() > 1);
			new Select(browser.find(By.id("category"))).selectByVisibleText("渗漏水");
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id(household), "重复报事"));
			browser.click(browser.find(By.cssSelector("label[for='priority-URGENT']")));
			((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
			browser.screenshot(Path.of("target/screenshots/card-" + screenshot));

			browser.click(browser.find(By.id("save-intake")));
			assertThat(browser.find(By.id("intake-error")).getText()).contains("未保存", "请填写内容");
			assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("description");
			assertThat(browser.find(By.id("contact-name")).getAttribute("value")).isEqualTo("王大明");
			assertThat(new Select(browser.find(By.id("category"))).getFirstSelectedOption().getText()).isEqualTo("渗漏水");
			assertThat(browser.find(By.id("priority-URGENT")).isSelected()).isTrue();
			browser.screenshot(Path.of("target/screenshots/error-" + screenshot));

			browser.find(By.id("description")).sendKeys("卫生间顶棚又在漏水，<b>很急</b>");
			Path photo = Files.createTempFile("ceiling", ".png");
			Files.write(photo, IntakeMother.png());
			browser.driver().findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
			browser.screenshot(Path.of("target/screenshots/filled-" + screenshot));

			browser.click(browser.find(By.id("save-intake")));
			String number = browser.find(By.id("registered-number")).getText();
			assertThat(number).startsWith(estate.site().code() + "-").endsWith("-0002");
			assertThat(browser.find(By.id("description")).getAttribute("value")).isEmpty();
			assertThat(browser.find(By.id("household-search")).getAttribute("value")).isEmpty();
			assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("household-search");
			browser.screenshot(Path.of("target/screenshots/" + screenshot));

			browser.click(browser.find(By.cssSelector("#registered a")));
			assertThat(browser.find(By.id("request-number")).getText()).isEqualTo(number);
			assertThat(browser.find(By.id("request-description")).getText()).isEqualTo("卫生间顶棚又在漏水，<b>很急</b>");
			WebElement image = browser.find(By.cssSelector("#request-photos img"));
			browser.waitFor(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return arguments[0].complete", image)));
			assertThat(image.getAttribute("naturalWidth")).as("the photo is served and decoded").isEqualTo("8");
			browser.screenshot(Path.of("target/screenshots/request-" + screenshot));
			Files.delete(photo);

			browser.open("/requests");
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#request-list .clock-badge")));
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tab-OVERDUE .badge")));
			assertThat(browser.find(By.id("request-list")).getText()).as("the badges and counts loaded around the list")
				.contains(number, earlier.number(), "派工");
			browser.screenshot(Path.of("target/screenshots/requests-" + screenshot));
		}
	}
}
