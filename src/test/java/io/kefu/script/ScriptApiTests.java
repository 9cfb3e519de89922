package io.kefu.script;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrase, forbidden-phrase and knowledge API over real HTTP: bad input saves nothing, overrides are recorded. */
@KefuIntegrationTest
class ScriptApiTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	private HttpTestClient supervisor() {
		TestUser user = staff.user(EnumSet.of(Role.SUPERVISOR), List.of());
		return new HttpTestClient(port).withBasic(user.username(), user.password());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void badPhrasesAreRefusedWithAReasonAndNothingSaved() {
		HttpTestClient api = supervisor();
		long before = count("script.phrase");
		HttpResponse<String> unknown = api.postJson("/api/v1/phrases", "{\"scene\":\"GREETING\",\"text\":\"您好{客户名}\"}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("占位符 {客户名} 不存在");
		HttpResponse<String> noScene = api.postJson("/api/v1/phrases", "{\"text\":\"您好\"}");
		assertThat(noScene.statusCode()).isEqualTo(400);
		assertThat(noScene.body()).contains("请选择话术的场景");
		assertThat(count("script.phrase")).isEqualTo(before);

		HttpResponse<String> created = api.postJson("/api/v1/phrases", "{\"scene\":\"WAITING\",\"position\":9,\"text\":\"{称呼}请稍等\"}");
		assertThat(created.statusCode()).isEqualTo(201);
	}

	@Test
	void theGreetingIsFilledForTheAgent() {
		HttpResponse<String> filled = supervisor().get("/api/v1/phrases/filled?scene=GREETING");
		assertThat(filled.statusCode()).isEqualTo(200);
		assertThat(filled.body()).contains("工号t", "我姓测");
	}

	@Test
	void forbiddenEntriesThatWouldFlagEverythingAreRefused() {
		HttpTestClient api = supervisor();
		long before = count("script.forbidden_phrase");
		for (String phrase : List.of("", " ", "，", "的")) {
			HttpResponse<String> refused = api.postJson("/api/v1/forbidden-phrases",
					"{\"phrase\":\"" + phrase + "\",\"suggestion\":\"您好\"}");
			assertThat(refused.statusCode()).as(phrase).isEqualTo(400);
			assertThat(refused.body()).contains("\"field\":\"phrase\"");
		}
		assertThat(count("script.forbidden_phrase")).isEqualTo(before);
	}

	@Test
	void aTextIsCheckedAndAnOverrideIsRecordedAndReported() {
		HttpTestClient api = supervisor();
		HttpResponse<String> checked = api.postJson("/api/v1/forbidden-phrases/check", "{\"text\":\"不好意思，这个我不知道。\"}");
		assertThat(checked.body()).contains("\"phrase\":\"不知道\"").doesNotContain("\"phrase\":\"不\"");
		HttpResponse<String> noReason = api.postJson("/api/v1/forbidden-phrases/overrides",
				"{\"context\":\"request-resolve\",\"text\":\"我不知道\",\"reason\":\" \"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		HttpResponse<String> recorded = api.postJson("/api/v1/forbidden-phrases/overrides",
				"{\"context\":\"request-resolve\",\"reference\":\"BA01-1\",\"text\":\"业主原话：我不知道\",\"reason\":\"引用业主原话\"}");
		assertThat(recorded.statusCode()).isEqualTo(201);
		LocalDate today = LocalDate.now(KefuApplication.ZONE);
		HttpResponse<String> report = api.get("/api/v1/forbidden-phrases/overrides?from=" + today + "&to=" + today);
		assertThat(report.body()).contains("引用业主原话", "不知道", "BA01-1");
	}

	@Test
	void anArticleWithoutTextCannotBePublishedAndSearchRefusesPunctuation() {
		HttpTestClient api = supervisor();
		HttpResponse<String> draft = api.postJson("/api/v1/knowledge/articles",
				"{\"kind\":\"ARTICLE\",\"title\":\"空白文章\",\"category\":\"FAQ\",\"body\":\"\"}");
		assertThat(draft.statusCode()).isEqualTo(201);
		String id = draft.body().replaceAll(".*\"id\":(\\d+).*", "$1");
		HttpResponse<String> publish = api.postJson("/api/v1/knowledge/articles/" + id + "/publish", "{\"version\":1}");
		assertThat(publish.statusCode()).isEqualTo(400);
		assertThat(publish.body()).contains("正文为空的文章不能发布");
		assertThat(api.get("/api/v1/knowledge/articles/" + id).body()).contains("\"state\":\"DRAFT\"");

		HttpResponse<String> punctuation = api.get("/api/v1/knowledge/search?q=%EF%BC%8C%20%20.");
		assertThat(punctuation.statusCode()).isEqualTo(400);
		assertThat(punctuation.body()).contains("只有空格或标点");
		HttpResponse<String> tooLong = api.get("/api/v1/knowledge/search?q=" + "a".repeat(1001));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("超过 1000 个字");
		HttpResponse<String> found = api.get("/api/v1/knowledge/search?q=%E8%A3%85%E4%BF%AE");
		assertThat(found.body()).contains("{\"text\":\"装修\",\"match\":true}", "\"kind\":\"GUIDE\"");
	}
}
