package io.kefu.survey.web;

import java.util.ArrayList;
import java.util.List;

import io.kefu.shared.InvalidInputException;
import io.kefu.survey.QuestionKind;
import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.QuestionnaireInput;

/**
 * A questionnaire as plain text in one box, quick to type: a line {@code # 客服} starts
 * a section, every other line is a question, and a question ending in {@code [文字]}
 * is answered in words instead of on the five-level scale.
 */
final class QuestionnaireText {

	static final String SECTION = "#";

	static final String TEXT_MARK = "[文字]";

	private QuestionnaireText() {
	}

	static QuestionnaireInput parse(String name, String text) {
		List<QuestionnaireInput.Section> sections = new ArrayList<>();
		String section = null;
		List<QuestionnaireInput.Question> questions = new ArrayList<>();
		for (String raw : (text == null ? "" : text).split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith(SECTION)) {
				if (section != null) {
					sections.add(new QuestionnaireInput.Section(section, questions));
				}
				section = line.substring(SECTION.length()).strip();
				questions = new ArrayList<>();
			}
			else if (section == null) {
				throw new InvalidInputException("text", "第一行应是部分名称，以 # 开头，如“# 客服”");
			}
			else if (line.endsWith(TEXT_MARK)) {
				questions.add(new QuestionnaireInput.Question(
						line.substring(0, line.length() - TEXT_MARK.length()).strip(), QuestionKind.TEXT));
			}
			else {
				questions.add(new QuestionnaireInput.Question(line, QuestionKind.SCALE));
			}
		}
		if (section != null) {
			sections.add(new QuestionnaireInput.Section(section, questions));
		}
		return new QuestionnaireInput(name, sections);
	}

	static String format(QuestionnaireDetails questionnaire) {
		StringBuilder text = new StringBuilder();
		String section = null;
		for (QuestionnaireDetails.Question question : questionnaire.questions()) {
			if (!question.section().equals(section)) {
				section = question.section();
				text.append(SECTION).append(' ').append(section).append('\n');
			}
			text.append(question.text());
			if (question.kind() == QuestionKind.TEXT) {
				text.append(' ').append(TEXT_MARK);
			}
			text.append('\n');
		}
		return text.toString();
	}
}
