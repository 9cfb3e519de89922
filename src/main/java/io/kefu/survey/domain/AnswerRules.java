package io.kefu.survey.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.shared.InvalidInputException;
import io.kefu.shared.Satisfaction;
import io.kefu.survey.QuestionKind;
import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.QuestionnaireDetails.Question;

/** Turns the values given for a questionnaire's questions into answer items, or refuses them. */
final class AnswerRules {

	static final int MAX_COMMENT = 500;

	private AnswerRules() {
	}

	static List<AnswerItem> items(QuestionnaireDetails questionnaire, Map<Long, String> values) {
		Map<Long, Question> questions = questionnaire.questions()
			.stream()
			.collect(Collectors.toMap(Question::id, Function.identity()));
		List<AnswerItem> items = new ArrayList<>();
		for (Map.Entry<Long, String> value : values == null ? Map.<Long, String>of().entrySet() : values.entrySet()) {
			Question question = questions.get(value.getKey());
			if (question == null) {
				throw new InvalidInputException("values", "第 " + value.getKey() + " 号题目不在本次调查的问卷中");
			}
			String given = value.getValue() == null ? "" : value.getValue().strip();
			if (!given.isEmpty()) {
				items.add(item(question, given));
			}
		}
		if (items.isEmpty()) {
			throw new InvalidInputException("values", "答卷上没有任何答案");
		}
		return items;
	}

	private static AnswerItem item(Question question, String given) {
		if (question.kind() == QuestionKind.TEXT) {
			if (given.length() > MAX_COMMENT) {
				throw new InvalidInputException("values", "“" + question.text() + "”的回答不能超过 " + MAX_COMMENT + " 个字");
			}
			return new AnswerItem(question.id(), null, given);
		}
		if (Arrays.stream(Satisfaction.values()).noneMatch(level -> level.name().equals(given))) {
			throw new InvalidInputException("values", "“" + question.text() + "”的回答“" + given
					+ "”不在五级满意度（非常满意、满意、一般、不满意、非常不满意）之内");
		}
		return new AnswerItem(question.id(), Satisfaction.valueOf(given), null);
	}

	record AnswerItem(long questionId, Satisfaction level, String comment) {
	}
}
