package io.kefu.request.web;

import java.nio.file.Path;
import java.time.LocalDate;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.request.HistoryEntry;
import io.kefu.request.RequestStatus;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.ServiceRequestQueries;
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

/**
 * The whole repair path in real browsers: the agent takes a phone call at the desk
 * and dispatches it; the technician, on a phone-sized screen, accepts, quotes the
 * paid work, has the quote accepted and completes with the customer's signature; the
 * agent resolves it.
 */
@KefuIntegrationTest
class RepairPathBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	IntakeMother mother;

	@Autowired
	ServiceRequestQueries queries;

	@Test
	void fromThePhoneCallToTheResolution() throws Exception {
		Estate estate = mother.estate();
		long id;
		try (Browser desk = new Browser(port, 1280)) {
			desk.signIn(estate.agent().username(), estate.agent().password());
			desk.open("/requests/new");
			desk.find(By.id("household-search")).sendKeys("13912345678");
			String household = "household-" + estate.householdId();
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id(household), "王大明"));
			desk.click(desk.find(By.cssSelector("#" + household + " .pick-household")));
			desk.click(desk.find(By.cssSelector("label[for='type-PAID_SERVICE']")));
			desk.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#category option"), 1));
			new Select(desk.find(By.id("category"))).selectByVisibleText("管道疏通");
			desk.find(By.id("description")).sendKeys("厨房下水道堵塞，请上门疏通");
			desk.click(desk.find(By.id("save-intake")));
			String number = desk.find(By.id("registered-number")).getText();
			desk.click(desk.find(By.cssSelector("#registered a")));
			assertThat(desk.find(By.id("request-number")).getText()).isEqualTo(number);
			id = Long.parseLong(desk.driver().getCurrentUrl().replaceAll(".*/requests/", ""));

			WebElement dispatch = desk.find(By.id("step-dispatch"));
			assertThat(dispatch.getAttribute("open")).as("a new repair opens on its dispatch form").isNotNull();
			new Select(desk.find(By.id("dispatch-department"))).selectByVisibleText("工程部");
			new Select(desk.find(By.id("dispatch-assignee"))).selectByVisibleText("维修老李（" + estate.technician().username() + "） · 工程部");
			LocalDate tomorrow = LocalDate.now().plusDays(1);
			((JavascriptExecutor) desk.driver()).executeScript("arguments[0].value = arguments[1]",
					desk.find(By.id("dispatch-appointment")), tomorrow + "T14:30");
			desk.screenshot(Path.of("target/screenshots/repair-path-dispatch.png"));
			desk.click(dispatch.findElement(By.cssSelector("button")));
			desk.waitFor(ExpectedConditions.textToBe(By.id("request-status"), "已派工"));
			assertThat(desk.find(By.id("request-assignee")).getText()).isEqualTo("工程部 维修老李");
			assertThat(desk.find(By.id("flash-notice")).getText()).isEqualTo("已派工");

			try (Browser phone = new Browser(port, 390)) {
				phone.signIn(estate.technician().username(), estate.technician().password());
				phone.open("/jobs");
				phone.click(phone.find(By.cssSelector("a.job-card[data-number='" + number + "']")));
				phone.click(phone.find(By.id("accept")));
				phone.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "已接单"));
				phone.find(By.id("findings")).sendKeys("下水管油污堵塞");
				phone.click(phone.find(By.id("arrive")));
				phone.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "处理中"));

				phone.find(By.cssSelector("#quote-form input[name='item']")).sendKeys("管道疏通");
				phone.find(By.cssSelector("#quote-form input[name='quantity']")).sendKeys("1");
				phone.find(By.cssSelector("#quote-form input[name='unitPrice']")).sendKeys("80");
				phone.click(phone.find(By.id("save-quote")));
				phone.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-card"), "80.00"));
				phone.find(By.id("acceptedBy")).sendKeys("王大明");
				phone.click(phone.find(By.id("accept-quote")));
				phone.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("complete-form")));

				phone.find(By.id("result")).sendKeys("已疏通，试水通畅");
				phone.find(By.id("confirmedBy")).sendKeys("王大明");
				WebElement pad = phone.find(By.id("signature-pad"));
				phone.sign(pad);
				phone.waitFor(ExpectedConditions.attributeContains(pad, "class", "signed"));
				phone.screenshot(Path.of("target/screenshots/repair-path-phone.png"));
				phone.click(phone.find(By.id("complete")));
				phone.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "已完工"));
			}

			desk.open("/requests/" + id);
			WebElement resolve = desk.find(By.id("step-resolve"));
			assertThat(desk.find(By.id("resolve-result")).getAttribute("value")).as("the technician's result, to edit")
				.isEqualTo("已疏通，试水通畅");
			assertThat(desk.find(By.id("request-signature")).getAttribute("naturalWidth")).isNotEqualTo("0");
			desk.click(resolve.findElement(By.cssSelector("button")));
			desk.waitFor(ExpectedConditions.textToBe(By.id("request-status"), "已办结"));
			assertThat(desk.find(By.id("request-history")).getText()).contains("办结", "完工", "客户确认报价", "报价", "到场",
					"接单", "派工", "受理");
			desk.screenshot(Path.of("target/screenshots/repair-path-resolved.png"));
		}

		ServiceRequestDetails resolved = queries.details(estate.agent().user(), id);
		assertThat(resolved.status()).isEqualTo(RequestStatus.RESOLVED);
		assertThat(resolved.householdId()).isEqualTo(estate.householdId());
		assertThat(resolved.quoteTotal()).isEqualByComparingTo("80.00");
		assertThat(resolved.work().quoteAcceptedBy()).isEqualTo("王大明");
		assertThat(resolved.work().signed()).isTrue();
		assertThat(resolved.history()).extracting(HistoryEntry::action)
			.containsExactly("办结", "完工", "客户确认报价", "报价", "到场", "接单", "派工", "受理");
	}
}
