package io.kefu.script.web;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply to a suggestion on the request page: a forbidden phrase stops it until the text is changed. */
@KefuIntegrationTest
class ReplyCheckBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReplyWithAForbiddenPhraseWaitsUntilItIsChanged() throws Exception {
		FieldSite site = mother.fieldSite();
		long category = requests.categories(RequestType.SUGGESTION).get(0).id();
		long id = requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.SUGGESTION, category,
				Channel.PHONE, Priority.NORMAL, false, null, "李女士", "13800001111", false, null, RequestMother.ROOM, null,
				"建议增设快递柜", null), null).id();
		try (Browser desk = new Browser(port, 1280)) {
			desk.signIn(site.agent().username(), site.agent().password());
			desk.open("/requests/" + id);
			desk.find(By.id("resolve-result")).sendKeys("已电话答复");
			desk.click(desk.find(By.cssSelector("label[for='adopted-true']")));
			WebElement reply = desk.find(By.id("resolve-reply"));
			reply.clear();
			reply.sendKeys("这事不归我管，你自己看着办。");
			desk.click(desk.find(By.cssSelector("#step-resolve button.btn-success")));
			WebElement findings = desk.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden-findings")));
			assertThat(findings.findElements(By.tagName("mark"))).extracting(WebElement::getText)
				.containsExactly("不归我管", "你自己看着办");
			assertThat(desk.find(By.id("request-status")).getText()).isNotEqualTo("已办结");

			reply.clear();
			reply.sendKeys("感谢您的建议，我们下月在南门增设快递柜。");
			desk.click(desk.find(By.cssSelector("#step-resolve button.btn-success")));
			desk.waitFor(ExpectedConditions.textToBe(By.id("request-status"), "已办结"));
		}
		assertThat(jdbc.sql("select count(*) from script.forbidden_override where reference = (select number from request.service_request where id = :id)")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}
}
