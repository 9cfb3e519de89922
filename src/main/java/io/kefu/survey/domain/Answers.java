package io.kefu.survey.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.domain.AnswerRules.AnswerItem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The answers of the sampled households: one form per household and wave, the last one keyed in counts. */
@Component
public class Answers {

	/** Where a form came from. */
	public enum Channel {
		PAPER, ONLINE
	}

	private final JdbcClient jdbc;

	Answers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the household's answers in the wave; the caller has checked that the
	 * household is in the sample and holds the wave open.
	 */
	public void record(long waveId, long householdId, QuestionnaireDetails questionnaire, Map<Long, String> values,
			boolean signed, Channel channel, String recordedBy, Instant at) {
		List<AnswerItem> items = AnswerRules.items(questionnaire, values);
		jdbc.sql("delete from survey.survey_answer where wave_id = :wave and household_id = :household")
			.param("wave", waveId)
			.param("household", householdId)
			.update();
		long id = jdbc.sql("""
				insert into survey.survey_answer (wave_id, household_id, signed, channel, recorded_by, recorded_at)
				values (:wave, :household, :signed, :channel, :by, :at) returning id""")
			.param("wave", waveId)
			.param("household", householdId)
			.param("signed", signed)
			.param("channel", channel.name())
			.param("by", recordedBy)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into survey.answer_item (answer_id, question_id, level, comment)
				select :answer, i.question, i.level, i.comment
				from unnest(cast(:questions as bigint[]), cast(:levels as text[]), cast(:comments as text[]))
				     as i(question, level, comment)""")
			.param("answer", id)
			.param("questions", items.stream().map(AnswerItem::questionId).toArray(Long[]::new))
			.param("levels", items.stream().map(i -> i.level() == null ? null : i.level().name()).toArray(String[]::new))
			.param("comments", items.stream().map(AnswerItem::comment).toArray(String[]::new))
			.update();
	}

	/** The household's answer values by question id, to show a form keyed in before. */
	public Map<Long, String> values(long waveId, long householdId) {
		return jdbc.sql("""
				select i.question_id, coalesce(i.level, i.comment) from survey.answer_item i
				join survey.survey_answer a on a.id = i.answer_id
				where a.wave_id = :wave and a.household_id = :household""")
			.param("wave", waveId)
			.param("household", householdId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
