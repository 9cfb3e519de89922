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
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Agent 0007, 王小丽, starts an intake: the greeting beside the form says her number and surname. */
@KefuIntegrationTest
class GreetingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Staffing staffing;

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
}
