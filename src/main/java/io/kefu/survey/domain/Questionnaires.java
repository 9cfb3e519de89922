package io.kefu.survey.domain;

import java.util.ArrayList;
import java.util.List;

import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;
import io.kefu.survey.QuestionKind;
import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.QuestionnaireInput;
import io.kefu.survey.QuestionnaireInput.Question;
import io.kefu.survey.QuestionnaireInput.Section;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires and their versions. A version that a wave uses is frozen: editing
 * the questionnaire then writes a new version, and the wave keeps the one it used.
 */
@Component
public class Questionnaires {

	private static final String HEAD = """
			select q.id, q.name, v.id as version_id, v.number,
			       exists (select 1 from survey.wave w where w.version_id = v.id) as used
			from survey.questionnaire q join survey.questionnaire_version v on v.questionnaire_id = q.id
			""";

	private final JdbcClient jdbc;

	Questionnaires(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest version of each questionnaire, by name. */
	public List<QuestionnaireDetails> latest() {
		List<Long> versionIds = jdbc.sql("""
				select max(v.id) from survey.questionnaire q join survey.questionnaire_version v on v.questionnaire_id = q.id
				group by q.id, q.name order by q.name""")
			.query(Long.class)
			.list();
		return versionIds.stream().map(this::version).toList();
	}

	public QuestionnaireDetails latest(long questionnaireId) {
		return jdbc.sql("select max(id) from survey.questionnaire_version where questionnaire_id = :id")
			.param("id", questionnaireId)
			.query(Long.class)
			.optional()
			.map(this::version)
			.orElseThrow(() -> new NotFoundException("没有找到该问卷"));
	}

	/**
	 * The latest version for a new wave, the questionnaire locked so that no edit
	 * changes that version in place before the wave is stored.
	 */
	public QuestionnaireDetails latestForWave(long questionnaireId) {
		jdbc.sql("select id from survey.questionnaire where id = :id for share")
			.param("id", questionnaireId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("questionnaireId", "没有找到所选的问卷"));
		return latest(questionnaireId);
	}

	public QuestionnaireDetails version(long versionId) {
		record Head(long id, String name, long versionId, int number, boolean used) {
		}
		Head head = jdbc.sql(HEAD + " where v.id = :id")
			.param("id", versionId)
			.query(Head.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该问卷"));
		List<QuestionnaireDetails.Question> questions = jdbc.sql("""
				select id, position, section, text, kind from survey.question where version_id = :id order by position""")
			.param("id", versionId)
			.query((rs, n) -> new QuestionnaireDetails.Question(rs.getLong("id"), rs.getInt("position"),
					rs.getString("section"), rs.getString("text"), QuestionKind.valueOf(rs.getString("kind"))))
			.list();
		return new QuestionnaireDetails(head.id(), head.name(), head.versionId(), head.number(), head.used(), questions);
	}

	@Transactional
	public QuestionnaireDetails create(QuestionnaireInput input) {
		QuestionnaireRules.check(input);
		long id = insertName(input.name().strip());
		long versionId = insertVersion(id, 1);
		insertQuestions(versionId, input);
		return version(versionId);
	}

	/**
	 * Writes the questions into the latest version while no wave uses it, else into a
	 * new version; {@code expectedVersionId} is the version the editor started from.
	 */
	@Transactional
	public QuestionnaireDetails update(long id, long expectedVersionId, QuestionnaireInput input) {
		QuestionnaireRules.check(input);
		jdbc.sql("select id from survey.questionnaire where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该问卷"));
		QuestionnaireDetails current = latest(id);
		if (current.versionId() != expectedVersionId) {
			throw new StaleDataException();
		}
		rename(id, input.name().strip());
		long versionId = current.versionId();
		if (current.usedByWaves()) {
			versionId = insertVersion(id, current.versionNumber() + 1);
		}
		else {
			jdbc.sql("delete from survey.question where version_id = :v").param("v", versionId).update();
		}
		insertQuestions(versionId, input);
		return version(versionId);
	}

	private long insertName(String name) {
		try {
			return jdbc.sql("insert into survey.questionnaire (name) values (:name) returning id")
				.param("name", name)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "已有同名的问卷：" + name);
		}
	}

	private void rename(long id, String name) {
		try {
			jdbc.sql("update survey.questionnaire set name = :name, version = version + 1 where id = :id")
				.param("id", id)
				.param("name", name)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "已有同名的问卷：" + name);
		}
	}

	private long insertVersion(long questionnaireId, int number) {
		return jdbc.sql("""
				insert into survey.questionnaire_version (questionnaire_id, number) values (:q, :n) returning id""")
			.param("q", questionnaireId)
			.param("n", number)
			.query(Long.class)
			.single();
	}

	private void insertQuestions(long versionId, QuestionnaireInput input) {
		List<String> sections = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		for (Section section : input.sections()) {
			for (Question question : section.questions()) {
				sections.add(section.name().strip());
				texts.add(question.text().strip());
				kinds.add(question.kind().name());
			}
		}
		jdbc.sql("""
				insert into survey.question (version_id, position, section, text, kind)
				select :v, q.position, q.section, q.text, q.kind
				from unnest(cast(:sections as text[]), cast(:texts as text[]), cast(:kinds as text[]))
				     with ordinality as q(section, text, kind, position)""")
			.param("v", versionId)
			.param("sections", sections.toArray(String[]::new))
			.param("texts", texts.toArray(String[]::new))
			.param("kinds", kinds.toArray(String[]::new))
			.update();
	}
}
