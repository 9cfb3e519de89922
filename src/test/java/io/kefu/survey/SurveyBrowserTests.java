package io.kefu.survey;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The results page draws its three charts (canvases with something on them) beside the figures. */
@KefuIntegrationTest
class SurveyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	SurveyMother mother;

	@Autowired
	SurveyManagement surveys;

	@Test
	void theResultsPageDrawsItsCharts() throws Exception {
		SurveyMother.Site site = mother.site(0, 6, 4);
		CurrentUser admin = site.site().admin().user();
		long questionnaire = surveys.questionnaires().get(0).id();
		WaveSummary wave = surveys.createWave(admin,
				new WaveInput(site.id(), "2026 下半年", questionnaire, BigDecimal.valueOf(100), null, 1L));
		List<Long> questions = surveys.questionnaire(questionnaire).questions().stream()
			.filter(q -> q.kind() == QuestionKind.SCALE)
			.map(QuestionnaireDetails.Question::id)
			.toList();
		String[] levels = { "VERY_SATISFIED", "SATISFIED", "SATISFIED", "NEUTRAL", "DISSATISFIED" };
		List<SampledHousehold> sample = surveys.sample(admin, wave.id(), null);
		for (int h = 0; h < sample.size(); h++) {
			Map<Long, String> values = new HashMap<>();
			for (int q = 0; q < questions.size(); q++) {
				values.put(questions.get(q), levels[(h + q) % levels.length]);
			}
			surveys.recordAnswers(admin, wave.id(), new AnswerInput(sample.get(h).householdId(), true, values));
		}
		try (Browser browser = new Browser(port, 1280)) {
			browser.signIn(site.site().admin().username(), site.site().admin().password());
			browser.open("/surveys/" + wave.id() + "/results");
			for (String chart : List.of("chart-sections", "chart-site", "chart-buildings")) {
				browser.waitForChart(chart);
			}
			assertThat(browser.find(By.id("site-rate")).getText()).endsWith("%");
			assertThat(browser.find(By.id("section-table")).getText()).contains("客服", "维修", "保安", "保洁", "绿化");
			browser.screenshot(Path.of("target/screenshots/survey-results.png"));
		}
	}
}
