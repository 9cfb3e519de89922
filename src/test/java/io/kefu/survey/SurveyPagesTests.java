package io.kefu.survey;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A survey run through the pages: draw, assign visitors, print, key in forms, look at results, follow an action. */
@KefuIntegrationTest
class SurveyPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	SurveyMother mother;

	@Autowired
	SurveyManagement surveys;

	@Test
	void aSurveyRunsThroughThePages() {
		SurveyMother.Site site = mother.site(2, 8, 12);
		TestUser visitor = mother.staffMember(site, Role.AGENT, "上门甲");
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.site().admin().username(), site.site().admin().password());
		assertThat(page.get("/").body()).contains("href=\"/surveys\"");
		assertThat(page.get("/surveys").statusCode()).isEqualTo(200);
		long questionnaire = surveys.questionnaires().get(0).id();

		HttpResponse<String> created = page.postForm("/surveys", Map.of("site", String.valueOf(site.id()), "name",
				"2026 下半年", "questionnaire", String.valueOf(questionnaire), "sampleShare", "20"));
		assertThat(created.statusCode()).isEqualTo(302);
		HttpResponse<String> wavePage = page.follow(created);
		assertThat(wavePage.body()).contains("已创建调查“2026 下半年”，抽取 4 户", "上门甲");
		long wave = surveys.waves(site.site().admin().user()).get(0).id();
		HttpResponse<String> refused = page.postForm("/surveys", Map.of("site", String.valueOf(site.id()), "name", "太多",
				"questionnaire", String.valueOf(questionnaire), "sampleShare", "120"));
		assertThat(page.follow(refused).body()).contains("抽样比例必须大于 0% 且不超过 100%");

		page.get("/surveys/" + wave);
		assertThat(page.follow(page.postForm("/surveys/" + wave + "/visitors",
				Map.of("visitors", String.valueOf(visitor.user().accountId())))).body()).contains("已分配上门人员");
		String visits = page.get("/surveys/" + wave + "/visits?visitor=" + visitor.user().accountId()).body();
		assertThat(visits).contains("survey-print.css", "上门甲", "请业户本人在调查表上签名");
		assertThat(visits.split("<tr>").length - 2).as("rows of the visit list").isEqualTo(4);

		List<SampledHousehold> sample = surveys.sample(site.site().admin().user(), wave, null);
		QuestionnaireDetails details = surveys.questionnaire(questionnaire);
		String form = "/surveys/" + wave + "/answers/" + sample.get(0).householdId();
		assertThat(page.get(form).body()).contains("非常满意", "您的意见和建议");
		HttpResponse<String> saved = page.postForm(form, Map.of("signed", "true",
				"q" + details.questions().get(0).id(), "VERY_SATISFIED", "q" + details.questions().get(12).id(), "很好"));
		assertThat(page.follow(saved).body()).contains("答卷已保存");
		page.get(form);
		assertThat(page.follow(page.postForm("/surveys/" + wave + "/answers/" + sample.get(1).householdId(),
				Map.of("q" + details.questions().get(0).id(), "DISSATISFIED"))).body()).contains("答卷已保存；未签名，不计入结果");

		String results = page.get("/surveys/" + wave + "/results").body();
		assertThat(results).contains("id=\"site-rate\"", "100.0%", "chart-sections", "很好", "echarts.min.js");
		assertThat(page.getBytes("/_static/echarts/6.0.0/dist/echarts.min.js").statusCode()).isEqualTo(200);
		assertThat(page.getBytes("/surveys/" + wave + "/results.xlsx").statusCode()).isEqualTo(200);
		assertThat(page.get("/surveys/questionnaires").body()).contains("业户服务满意度调查表");
		assertThat(page.get("/surveys/questionnaires/" + questionnaire).body()).contains("# 客服", "[文字]");

		page.get("/surveys/" + wave);
		assertThat(page.follow(page.postForm("/surveys/" + wave + "/actions", Map.of("what", "楼道照明维修", "owner",
				String.valueOf(visitor.user().accountId()), "dueDate", "2020-01-01"))).body()).contains("已添加整改项");
		assertThat(page.get("/surveys/actions?overdue=true").body()).contains("楼道照明维修", "table-danger");
		assertThat(page.get("/surveys").body()).contains("超期整改 1");
		HttpResponse<String> closed = page.postForm("/surveys/" + wave + "/close", Map.of());
		assertThat(page.follow(closed).body()).contains("已结束").doesNotContain("id=\"close-wave\"");
	}

	@Test
	void editingAQuestionnaireAWaveUsesMakesANewVersionAndTheWaveKeepsItsOwn() {
		SurveyMother.Site site = mother.site(0, 3);
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.site().admin().username(), site.site().admin().password());
		page.get("/surveys/questionnaires");
		String name = "版本测试" + System.nanoTime();
		HttpResponse<String> created = page.postForm("/surveys/questionnaires",
				Map.of("name", name, "text", "# 客服\n服务态度\n# 总体\n建议 [文字]\n"));
		assertThat(created.statusCode()).isEqualTo(302);
		QuestionnaireDetails first = surveys.questionnaires().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
		assertThat(first.questions()).extracting(QuestionnaireDetails.Question::kind)
			.containsExactly(QuestionKind.SCALE, QuestionKind.TEXT);
		WaveSummary wave = surveys.createWave(site.site().admin().user(),
				new WaveInput(site.id(), "用旧版", first.id(), null, null, 1L));

		page.get("/surveys/questionnaires/" + first.id());
		HttpResponse<String> empty = page.postForm("/surveys/questionnaires/" + first.id(), Map.of("versionId",
				String.valueOf(first.versionId()), "name", name, "text", "# 客服\n服务态度\n# 保安\n"));
		assertThat(page.follow(empty).body()).contains("部分“保安”没有题目");
		page.postForm("/surveys/questionnaires/" + first.id(), Map.of("versionId", String.valueOf(first.versionId()),
				"name", name, "text", "# 客服\n服务态度\n# 保安\n夜间巡逻\n"));
		QuestionnaireDetails second = surveys.questionnaire(first.id());
		assertThat(second.versionNumber()).isEqualTo(2);
		assertThat(second.sections()).containsExactly("客服", "保安");
		assertThat(surveys.questionnaireOf(site.site().admin().user(), wave.id()).versionId()).isEqualTo(first.versionId());
		assertThat(surveys.questionnaireOf(site.site().admin().user(), wave.id()).sections()).containsExactly("客服", "总体");
	}
}
