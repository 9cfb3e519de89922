package io.kefu.survey.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.shared.Satisfaction;
import io.kefu.survey.LevelCounts;
import io.kefu.survey.QuestionKind;
import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.ResultRow;
import io.kefu.survey.SurveyResults;
import io.kefu.survey.WaveSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A wave's figures from its signed answers only: per question, section (the sum of its
 * questions' answers), building and site, matched with the site's previous wave by
 * question text, section name and building.
 */
@Component
public class Results {

	public static final int COMMENT_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Questionnaires questionnaires;

	Results(JdbcClient jdbc, Questionnaires questionnaires) {
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
	}

	public SurveyResults of(WaveSummary wave, Optional<WaveSummary> previous) {
		Figures now = figures(wave);
		Figures before = previous.map(this::figures).orElse(Figures.EMPTY);
		List<ResultRow> questions = compare(now.questions(), before.questions());
		List<ResultRow> sections = compare(now.sections(), before.sections());
		List<ResultRow> buildings = compare(now.buildings(), before.buildings());
		ResultRow site = new ResultRow("site", wave.siteName(), now.site(), before.site().rate());
		return new SurveyResults(wave, previous.map(WaveSummary::name).orElse(null), site, sections, questions,
				buildings, comments(wave.id()));
	}

	private static List<ResultRow> compare(Map<String, Labelled> now, Map<String, Labelled> before) {
		List<ResultRow> rows = new ArrayList<>();
		now.forEach((key, figure) -> rows.add(new ResultRow(key, figure.label(), figure.counts(),
				before.containsKey(key) ? before.get(key).counts().rate() : null)));
		return rows;
	}

	private Figures figures(WaveSummary wave) {
		QuestionnaireDetails questionnaire = questionnaires.version(wave.versionId());
		Map<String, Labelled> perQuestion = counts("""
				select i.question_id as key, '' as label, i.level, count(*) as n
				from survey.survey_answer a join survey.answer_item i on i.answer_id = a.id
				where a.wave_id = :wave and a.signed and i.level is not null
				group by i.question_id, i.level""", wave.id());
		Map<String, Labelled> questions = new LinkedHashMap<>();
		Map<String, Labelled> sections = new LinkedHashMap<>();
		LevelCounts site = LevelCounts.NONE;
		for (QuestionnaireDetails.Question question : questionnaire.questions()) {
			if (question.kind() != QuestionKind.SCALE) {
				continue;
			}
			Labelled answered = perQuestion.get(String.valueOf(question.id()));
			LevelCounts counts = answered == null ? LevelCounts.NONE : answered.counts();
			questions.put(question.section() + "/" + question.text(),
					new Labelled(question.section() + " · " + question.text(), counts));
			sections.merge(question.section(), new Labelled(question.section(), counts),
					(a, b) -> new Labelled(a.label(), a.counts().plus(b.counts())));
			site = site.plus(counts);
		}
		Map<String, Labelled> buildings = counts("""
				select s.building_id as key, min(s.building_name) as label, i.level, count(*) as n
				from survey.survey_answer a
				join survey.sample s on s.wave_id = a.wave_id and s.household_id = a.household_id
				join survey.answer_item i on i.answer_id = a.id
				where a.wave_id = :wave and a.signed and i.level is not null
				group by s.building_id, i.level
				order by label, s.building_id""", wave.id());
		return new Figures(questions, sections, buildings, site);
	}

	/** Rows of {@code key, label, level, n} summed up per key, in the order the keys first come. */
	private Map<String, Labelled> counts(String sql, long waveId) {
		Map<String, Labelled> counts = new LinkedHashMap<>();
		jdbc.sql(sql).param("wave", waveId).query(rs -> {
			Map<Satisfaction, Long> one = new EnumMap<>(Satisfaction.class);
			one.put(Satisfaction.valueOf(rs.getString("level")), rs.getLong("n"));
			counts.merge(rs.getString("key"), new Labelled(rs.getString("label"), LevelCounts.of(one)),
					(a, b) -> new Labelled(a.label(), a.counts().plus(b.counts())));
		});
		return counts;
	}

	private List<SurveyResults.Comment> comments(long waveId) {
		return jdbc.sql("""
				select q.section || ' · ' || q.text as question, s.room_code, i.comment as text
				from survey.survey_answer a
				join survey.answer_item i on i.answer_id = a.id
				join survey.question q on q.id = i.question_id
				join survey.sample s on s.wave_id = a.wave_id and s.household_id = a.household_id
				where a.wave_id = :wave and a.signed and i.comment is not null
				order by q.position, s.room_code limit :limit""")
			.param("wave", waveId)
			.param("limit", COMMENT_LIMIT)
			.query(SurveyResults.Comment.class)
			.list();
	}

	private record Labelled(String label, LevelCounts counts) {
	}

	private record Figures(Map<String, Labelled> questions, Map<String, Labelled> sections,
			Map<String, Labelled> buildings, LevelCounts site) {

		static final Figures EMPTY = new Figures(Map.of(), Map.of(), Map.of(), LevelCounts.NONE);
	}

	/** The satisfaction rate of all signed answers of a wave. */
	public BigDecimal siteRate(WaveSummary wave) {
		return figures(wave).site().rate();
	}
}
