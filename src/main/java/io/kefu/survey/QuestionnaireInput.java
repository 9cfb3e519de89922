package io.kefu.survey;

import java.util.List;

/** A questionnaire as written: its name and its sections (客服, 维修 …) in order. */
public record QuestionnaireInput(String name, List<Section> sections) {

	public record Section(String name, List<Question> questions) {
	}

	public record Question(String text, QuestionKind kind) {
	}
}
