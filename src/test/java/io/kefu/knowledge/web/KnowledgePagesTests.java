package io.kefu.knowledge.web;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge, phrase and forbidden-phrase pages as a supervisor and an agent use them. */
@KefuIntegrationTest
class KnowledgePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	private HttpTestClient signedIn(Role role) {
		TestUser user = staff.user(EnumSet.of(role), List.of());
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(user.username(), user.password());
		page.get("/");
		return page;
	}

	@Test
	void aSupervisorWritesPublishesAndPrintsAGuide() {
		HttpTestClient page = signedIn(Role.SUPERVISOR);
		assertThat(page.get("/knowledge/new?kind=GUIDE").statusCode()).isEqualTo(200);
		HttpResponse<String> created = page.postForm("/knowledge", Map.of("kind", "GUIDE", "title", "车位月卡办理",
				"category", "PROCEDURE", "tags", "停车 月卡", "body", "到服务中心办理停车月卡。", "materials", "行驶证\n身份证"));
		assertThat(created.statusCode()).isEqualTo(302);
		String path = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		HttpResponse<String> draft = page.get(path);
		assertThat(draft.body()).contains("车位月卡办理", "草稿", "行驶证", "第 1 版");
		assertThat(page.get("/knowledge?q=月卡").body()).as("a draft is not found").doesNotContain("车位月卡办理");

		page.postForm(path + "/publish", Map.of("version", "1"));
		HttpResponse<String> published = page.get(path);
		assertThat(published.body()).contains("已发布", "第 2 版", "打印");
		assertThat(page.get("/knowledge?q=月卡").body()).contains("<mark>月卡</mark>");
		assertThat(page.get(path + "/reply-text").body()).isEqualTo("车位月卡办理：到服务中心办理停车月卡。\n请一次带齐以下材料：\n1. 行驶证\n2. 身份证");
	}

	@Test
	void theSearchPageSaysWhyItSearchesNothing() {
		HttpTestClient page = signedIn(Role.AGENT);
		assertThat(page.get("/knowledge?q=%20%EF%BC%8C").body()).contains("只有空格或标点无法搜索");
		assertThat(page.get("/knowledge?q=" + "x".repeat(1001)).body()).contains("超过 1000 个字");
		HttpResponse<String> found = page.get("/knowledge?q=%E9%92%A5%E5%8C%99");
		assertThat(found.body()).contains("<mark>钥匙</mark><span>托管</span>", "hx-get=\"/phrases/search?q=");
		assertThat(page.getFragment("/phrases/search?q=%E7%A8%8D%E5%80%99").body()).contains("<mark>稍候</mark>");
	}

	@Test
	void theIntakeFragmentsServeTheAgent() {
		HttpTestClient page = signedIn(Role.AGENT);
		assertThat(page.getFragment("/knowledge/suggestions?description=%E8%A6%81%E5%8A%9E%E8%A3%85%E4%BF%AE").body())
			.contains("装修申请");
		assertThat(page.getFragment("/knowledge/guide-picker?into=%23answer").body()).contains("data-insert-guide=\"#answer\"",
				"入住办理");
		assertThat(page.getFragment("/phrases/intake?type=COMPLAINT").body()).contains("致歉", "安抚投诉", "预约");
		assertThat(page.getFragment("/phrases/intake?requestNumber=BA01-260101-0001").body())
			.contains("您的工单号是BA01-260101-0001");
		assertThat(page.postForm("/forbidden-phrases/check", Map.of("text", "不客气，不好意思")).body())
			.doesNotContain("data-findings");
		assertThat(page.postForm("/forbidden-phrases/check", Map.of("text", "这事不归我管")).body())
			.contains("data-findings", "不归我管", "我帮您联系并跟进");
	}

	@Test
	void supervisorsEditPhrasesAndTheForbiddenListAgentsMayNot() {
		HttpTestClient supervisor = signedIn(Role.SUPERVISOR);
		assertThat(supervisor.get("/phrases").body()).contains("回访开场", "{公司} {工号} {姓} {称呼} {单号} {约定时间}");
		HttpResponse<String> noScene = supervisor.postForm("/phrases", Map.of("scene", "", "text", "您好"));
		assertThat(supervisor.follow(noScene).body()).contains("请选择话术的场景");
		HttpResponse<String> punctuation = supervisor.postForm("/forbidden-phrases", Map.of("phrase", "！", "suggestion", "好"));
		assertThat(supervisor.follow(punctuation).body()).contains("不能只有标点或空格");
		assertThat(supervisor.get("/forbidden-phrases").body()).contains("不归我管", "照发记录");

		HttpTestClient agent = signedIn(Role.AGENT);
		assertThat(agent.get("/forbidden-phrases").statusCode()).isEqualTo(403);
		assertThat(agent.postForm("/phrases", Map.of("scene", "GREETING", "text", "您好")).statusCode()).isEqualTo(403);
		assertThat(agent.get("/").body()).contains("知识库").doesNotContain("禁忌用语");
	}

	@Test
	void aSupervisorScopesAPhraseAndAnArticleToTheirSite() {
		var site = staff.site().site();
		TestUser user = staff.user(EnumSet.of(Role.SUPERVISOR), List.of(site.id()));
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(user.username(), user.password());
		assertThat(page.get("/phrases").body()).contains("全公司", "<option value=\"" + site.id() + "\">" + site.name() + "</option>");
		HttpResponse<String> saved = page.postForm("/phrases", Map.of("scene", "GREETING", "position", "0",
				"siteId", String.valueOf(site.id()), "text", "您好，这里是" + site.name() + "服务中心"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(page.get("/phrases").body()).contains("您好，这里是" + site.name() + "服务中心</td>",
				"<td>" + site.name() + "</td>");
		assertThat(page.getFragment("/phrases/intake?siteId=" + site.id()).body()).contains("这里是" + site.name() + "服务中心");
		assertThat(page.getFragment("/phrases/intake").body()).doesNotContain("这里是" + site.name() + "服务中心");
		assertThat(page.get("/knowledge/new").body()).contains("name=\"siteId\"", site.name());
	}
}
