package io.kefu.survey;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.KefuIntegrationTest;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.survey.QuestionnaireInput.Question;
import io.kefu.survey.QuestionnaireInput.Section;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Results of a small hand-made survey whose figures are known: five households in two
 * buildings, one unsigned form that must not count, and a second wave to compare with.
 */
@KefuIntegrationTest
@RecordApplicationEvents
class SurveyResultsTests {

	static final String VS = "VERY_SATISFIED";

	static final String S = "SATISFIED";

	static final String N = "NEUTRAL";

	static final String D = "DISSATISFIED";

	static final String VD = "VERY_DISSATISFIED";

	@Autowired
	SurveyMother mother;

	@Autowired
	SurveyManagement surveys;

	@Autowired
	ApplicationEvents events;

	@Test
	void figuresPerQuestionSectionBuildingAndSiteCountSignedFormsOnlyAndCompareWithThePreviousWave() {
		SurveyMother.Site site = mother.site(1, 3, 2);
		CurrentUser admin = site.site().admin().user();
		QuestionnaireDetails questionnaire = smallQuestionnaire(admin);
		List<Long> q = questionnaire.questions().stream().map(QuestionnaireDetails.Question::id).toList();
		WaveSummary first = surveys.createWave(admin,
				new WaveInput(site.id(), "2026 上半年", questionnaire.id(), BigDecimal.valueOf(100), 0, 1L));
		List<Long> h = surveys.sample(admin, first.id(), null).stream().map(SampledHousehold::householdId).toList();
		assertThat(h).hasSize(5);
		answer(admin, first, h.get(0), true, q, VS, S, N, "电梯太慢");
		answer(admin, first, h.get(1), true, q, S, D, VS, null);
		answer(admin, first, h.get(2), false, q, VD, VD, VD, "不签名");
		answer(admin, first, h.get(3), true, q, N, null, S, null);

		SurveyResults results = surveys.results(admin, first.id());
		assertThat(results.wave().signed()).isEqualTo(3);
		assertThat(results.wave().unsigned()).isEqualTo(1);
		assertThat(results.site().counts()).isEqualTo(new LevelCounts(2, 3, 2, 1, 0));
		assertThat(results.site().rate()).isEqualByComparingTo("62.5");
		assertThat(results.site().previousRate()).isNull();
		assertThat(results.previousWaveName()).isNull();
		assertThat(results.questions()).extracting(ResultRow::rate)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("66.7"), new BigDecimal("50.0"), new BigDecimal("66.7"));
		assertThat(results.questions().get(0).counts()).isEqualTo(new LevelCounts(1, 1, 1, 0, 0));
		assertThat(results.sections()).extracting(ResultRow::label).containsExactly("客服", "保洁");
		assertThat(results.sections().get(0).counts()).isEqualTo(new LevelCounts(1, 2, 1, 1, 0));
		assertThat(results.sections().get(0).rate()).isEqualByComparingTo("60.0");
		assertThat(results.buildings()).extracting(ResultRow::label).containsExactly("1幢", "2幢");
		assertThat(results.buildings().get(0).counts()).isEqualTo(new LevelCounts(2, 2, 1, 1, 0));
		assertThat(results.buildings().get(1).rate()).isEqualByComparingTo("50.0");
		assertThat(results.comments()).extracting(SurveyResults.Comment::text).containsExactly("电梯太慢");

		WaveSummary closed = surveys.close(admin, first.id());
		assertThat(closed.status()).isEqualTo(WaveStatus.CLOSED);
		assertThat(events.stream(SurveyWaveClosed.class).filter(e -> e.waveId() == first.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.siteId()).isEqualTo(site.id());
				assertThat(e.signed()).isEqualTo(3);
				assertThat(e.satisfactionRate()).isEqualByComparingTo("62.5");
			});

		WaveSummary second = surveys.createWave(admin,
				new WaveInput(site.id(), "2026 下半年", questionnaire.id(), BigDecimal.valueOf(100), 0, 2L));
		answer(admin, second, h.get(0), true, q, VS, VS, VS, null);
		answer(admin, second, h.get(1), true, q, S, S, N, null);
		SurveyResults after = surveys.results(admin, second.id());
		assertThat(after.previousWaveName()).isEqualTo("2026 上半年");
		assertThat(after.site().rate()).isEqualByComparingTo("83.3");
		assertThat(after.site().previousRate()).isEqualByComparingTo("62.5");
		assertThat(after.site().change()).isEqualByComparingTo("20.8");
		assertThat(after.sections().get(0).previousRate()).isEqualByComparingTo("60.0");
		assertThat(after.sections().get(0).change()).isEqualByComparingTo("40.0");
		assertThat(after.questions().get(1).previousRate()).isEqualByComparingTo("50.0");
		assertThat(after.buildings()).singleElement().satisfies(b -> assertThat(b.previousRate()).isEqualByComparingTo("66.7"));
	}

	@Test
	void aResidentAnswersOnlineOnlyWhileTheWaveIsOpenAndTheHouseholdIsSampled() {
		SurveyMother.Site site = mother.site(0, 4);
		CurrentUser admin = site.site().admin().user();
		QuestionnaireDetails questionnaire = smallQuestionnaire(admin);
		long q1 = questionnaire.questions().get(0).id();
		WaveSummary wave = surveys.createWave(admin,
				new WaveInput(site.id(), "网上", questionnaire.id(), BigDecimal.valueOf(50), 0, 3L));
		long household = surveys.sample(admin, wave.id(), null).get(0).householdId();
		surveys.answerOnline(household, wave.id(), Map.of(q1, S));
		assertThat(surveys.results(admin, wave.id()).site().counts()).isEqualTo(new LevelCounts(0, 1, 0, 0, 0));
		assertThat(surveys.sampled(admin, wave.id(), household).signed()).as("online answers count").isTrue();
		surveys.close(admin, wave.id());
		assertThatThrownBy(() -> surveys.answerOnline(household, wave.id(), Map.of(q1, D)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("该调查已结束，不能再修改样本或录入答卷");
		assertThat(surveys.results(admin, wave.id()).site().counts()).isEqualTo(new LevelCounts(0, 1, 0, 0, 0));
	}

	/** 客服 (two questions), 保洁 (one), 总体 (one in words). */
	QuestionnaireDetails smallQuestionnaire(CurrentUser user) {
		return surveys.createQuestionnaire(user, new QuestionnaireInput("测试问卷" + System.nanoTime(), List.of(
				new Section("客服", List.of(new Question("服务态度", QuestionKind.SCALE),
						new Question("受理及时", QuestionKind.SCALE))),
				new Section("保洁", List.of(new Question("楼道清洁", QuestionKind.SCALE))),
				new Section("总体", List.of(new Question("意见和建议", QuestionKind.TEXT))))));
	}

	private void answer(CurrentUser user, WaveSummary wave, long household, boolean signed, List<Long> questions,
			String... values) {
		Map<Long, String> answers = new HashMap<>();
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				answers.put(questions.get(i), values[i]);
			}
		}
		surveys.recordAnswers(user, wave.id(), new AnswerInput(household, signed, answers));
	}
}
