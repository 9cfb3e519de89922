package io.kefu.callback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.callback.CallbackMother;
import io.kefu.callback.CallbackSummary;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestStatus;
import io.kefu.request.ServiceRequestQueries;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The callback desk in a real browser: the agent opens the queue, cannot reach the
 * customer the first time, reaches them the second time, and the request is archived.
 */
@KefuIntegrationTest
class CallbackBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	CallbackMother mother;

	@Autowired
	ServiceRequestQueries requests;

	@Test
	void anAgentRecordsAFailedTryThenASatisfiedCustomerAndTheRequestIsClosed() throws Exception {
		FieldSite site = mother.site();
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		try (Browser desk = new Browser(port, 1280)) {
			desk.signIn(site.agent().username(), site.agent().password());
			desk.open("/callbacks");
			assertThat(desk.find(By.id("count-open")).getText()).isEqualTo("1");
			desk.click(desk.find(By.cssSelector("a.callback-row[data-number='" + callback.number() + "']")));
			assertThat(desk.find(By.id("callback-script")).getText()).contains(callback.number(),
					"工号" + site.agent().username());

			new Select(desk.find(By.id("attempt-result"))).selectByVisibleText("未接通");
			desk.click(desk.find(By.id("save-attempt")));
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("callback-attempts"), "未接通"));
			assertThat(desk.find(By.id("flash-notice")).getText()).isEqualTo("已记录本次回访");

			desk.find(By.id("outcome-comment")).sendKeys("师傅很专业");
			desk.screenshot(Path.of("target/screenshots/callback-outcome.png"));
			desk.click(desk.find(By.id("satisfaction-SATISFIED")));
			desk.waitFor(ExpectedConditions.textToBe(By.id("callback-state"), "已回访"));
			assertThat(desk.find(By.id("flash-notice")).getText()).isEqualTo("已回访，工单已归档");

			desk.open("/requests/" + id);
			desk.waitFor(ExpectedConditions.textToBe(By.id("request-status"), "已归档"));
			assertThat(desk.find(By.id("request-history")).getText()).contains("回访后归档", "回访满意：师傅很专业");
			desk.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("request-callbacks"), "已回访"));
			assertThat(desk.find(By.cssSelector("#request-callbacks a")).getAttribute("href"))
				.endsWith("/callbacks/" + callback.id());
		}
		assertThat(requests.details(site.agent().user(), id).status()).isEqualTo(RequestStatus.CLOSED);
	}
}
