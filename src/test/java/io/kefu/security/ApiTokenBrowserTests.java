package io.kefu.security;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating an API token on a phone-sized screen. */
@KefuIntegrationTest
class ApiTokenBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Test
	void aNewTokenIsShownOnceWithACopyButton() throws Exception {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		try (Browser browser = new Browser(port, 400)) {
			browser.signIn(agent.username(), agent.password());
			browser.open("/account/tokens");
			browser.find(By.id("token-name")).sendKeys("工单同步脚本");
			browser.find(By.id("create-token")).click();

			String token = browser.find(By.id("new-token-value")).getAttribute("value");
			assertThat(token).matches("kefu_[A-Za-z0-9_-]{43}");
			browser.find(By.cssSelector("[data-copy]")).click();
			browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-copy]"), "已复制"));
			assertThat(browser.find(By.id("token-table")).getText()).contains("工单同步脚本", token.substring(0, 13));
			browser.screenshot(Path.of("target/screenshots/api-tokens.png"));
		}
	}
}
