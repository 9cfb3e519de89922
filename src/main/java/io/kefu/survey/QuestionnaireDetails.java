package io.kefu.survey;

import java.util.List;

/**
 * One version of a questionnaire with its questions in order.
 *
 * @param usedByWaves whether a wave uses this version: editing it then makes a new version
 */
public record QuestionnaireDetails(long id, String name, long versionId, int versionNumber, boolean usedByWaves,
		List<Question> questions) {

	public record Question(long id, int position, String section, String text, QuestionKind kind) {
	}

	/** The section names in the order they first appear. */
	public List<String> sections() {
		return questions.stream().map(Question::section).distinct().toList();
	}
}
