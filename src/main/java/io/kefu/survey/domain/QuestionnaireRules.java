package io.kefu.survey.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kefu.shared.InvalidInputException;
import io.kefu.survey.QuestionnaireInput;
import io.kefu.survey.QuestionnaireInput.Question;
import io.kefu.survey.QuestionnaireInput.Section;

/** What a questionnaire must have before it is stored: a name, sections that each ask something. */
final class QuestionnaireRules {

	private QuestionnaireRules() {
	}

	static void check(QuestionnaireInput input) {
		if (input.name() == null || input.name().isBlank()) {
			throw new InvalidInputException("name", "请填写问卷名称");
		}
		if (input.name().strip().length() > 100) {
			throw new InvalidInputException("name", "问卷名称不能超过 100 个字");
		}
		List<Section> sections = input.sections() == null ? List.of() : input.sections();
		if (sections.stream().allMatch(s -> s.questions() == null || s.questions().isEmpty())) {
			throw new InvalidInputException("sections", "问卷至少要有一道题");
		}
		Set<String> names = new HashSet<>();
		for (Section section : sections) {
			if (section.name() == null || section.name().isBlank()) {
				throw new InvalidInputException("sections", "每个部分都要有名称（如 客服、维修、保安）");
			}
			String name = section.name().strip();
			if (name.length() > 50) {
				throw new InvalidInputException("sections", "部分名称不能超过 50 个字：" + name);
			}
			if (!names.add(name)) {
				throw new InvalidInputException("sections", "部分“" + name + "”重复了");
			}
			if (section.questions() == null || section.questions().isEmpty()) {
				throw new InvalidInputException("sections", "部分“" + name + "”没有题目");
			}
			for (Question question : section.questions()) {
				checkQuestion(name, question);
			}
		}
	}

	private static void checkQuestion(String section, Question question) {
		if (question.text() == null || question.text().isBlank()) {
			throw new InvalidInputException("sections", "部分“" + section + "”中有题目没有内容");
		}
		if (question.text().strip().length() > 200) {
			throw new InvalidInputException("sections", "题目不能超过 200 个字");
		}
		if (question.kind() == null) {
			throw new InvalidInputException("sections", "题目“" + question.text().strip() + "”没有答题方式");
		}
	}
}
