package io.kefu.survey;

import java.util.List;

/**
 * What a wave's signed answers say, per question, section and building and for the
 * whole site, each beside the site's previous wave.
 *
 * @param previousWaveName {@code null} when this is the site's first wave
 */
public record SurveyResults(WaveSummary wave, String previousWaveName, ResultRow site, List<ResultRow> sections,
		List<ResultRow> questions, List<ResultRow> buildings, List<Comment> comments) {

	/** A free-text answer, with where it came from. */
	public record Comment(String question, String roomCode, String text) {
	}
}
