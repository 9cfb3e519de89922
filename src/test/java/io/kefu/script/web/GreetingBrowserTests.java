package io.kefu.script.web;

import java.util.EnumSet;
import java.util.List;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.directory.StaffInput;
import io.kefu.directory.domain.Staffing;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrases and the forbidden-phrase check on the intake screen, in Chromium. */
@KefuIntegrationTest
class GreetingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Staffing staffing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGreetingCarriesTheAgentsNumberAndSurname() throws Exception {
		SiteAndAdmin site = staff.site();
		String password = staffing.createStaff(site.admin().user(), new StaffInput("0007", "王小丽",
				EnumSet.of(Role.AGENT), List.of(site.site().id()), null, null, null, null)).password();
		try (Browser desk = new Browser(port, 1280)) {
			desk.signIn("0007", password);
			desk.open("/requests/new");
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("intake-phrases"), "工号0007"));
			String greeting = desk.find(By.cssSelector("#intake-phrases .phrase-text")).getText();
			assertThat(greeting).isEqualTo("您好！我是物业服务中心客服专员，工号0007，我姓王，请问有什么可以帮您？");

			desk.click(desk.find(By.cssSelector("label[for='type-COMPLAINT']")));
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("intake-phrases"), "抱歉"));
		}
	}

	/**
	 * An inquiry at intake: the description suggests the renovation guide, the guide goes
	 * into the answer in one click, an answer with 不知道 is stopped until a reason is
	 * given, which is recorded; the saved request brings up the closing with its number.
	 */
	@Test
	void anAnswerWithAForbiddenPhraseWaitsForAReason() throws Exception {
		SiteAndAdmin site = staff.site();
		String password = staffing.createStaff(site.admin().user(), new StaffInput("0008", "欧阳娜",
				EnumSet.of(Role.AGENT), List.of(site.site().id()), null, null, null, null)).password();
		try (Browser desk = new Browser(port, 1280)) {
			desk.signIn("0008", password);
			desk.open("/requests/new");
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("intake-phrases"), "我姓欧阳"));
			desk.click(desk.find(By.cssSelector("label[for='type-INQUIRY']")));
			desk.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#category option"), 1));
			new Select(desk.find(By.id("category"))).selectByIndex(1);
			desk.click(desk.find(By.id("anonymous")));
			desk.find(By.id("description")).sendKeys("业主问装修要带什么材料");
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("knowledge-suggestions"), "装修申请"));

			WebElement answer = desk.find(By.id("answer"));
			desk.waitFor(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".guide-picker option"), 1));
			new Select(desk.find(By.cssSelector(".guide-picker select"))).selectByVisibleText("装修申请");
			desk.click(desk.find(By.cssSelector(".guide-picker [data-insert-guide]")));
			desk.waitFor(ExpectedConditions.attributeContains(answer, "value", "装修施工图纸"));

			answer.clear();
			answer.sendKeys("这个我不知道，您问问开发商。");
			desk.click(desk.find(By.id("save-intake")));
			WebElement findings = desk.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden-findings")));
			assertThat(findings.getText()).contains("“不知道” →", "这个问题我马上帮您确认");
			assertThat(desk.driver().findElements(By.id("registered-number"))).isEmpty();

			desk.find(By.id("override-reason")).sendKeys("复述业主原话");
			desk.click(findings.findElement(By.cssSelector("[data-override]")));
			String number = desk.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("registered-number"))).getText();
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("intake-phrases"), "您的工单号是" + number));
		}
		assertThat(jdbc.sql("select reason from script.forbidden_override where agent_username = '0008' and context = 'intake-answer'")
			.query(String.class)
			.list()).containsExactly("复述业主原话");
	}
}
