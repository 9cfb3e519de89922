package io.kefu.survey;

import java.math.BigDecimal;
import java.util.Map;

import io.kefu.KefuIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey queries a page runs can each use an index: with sequential scans priced
 * out, EXPLAIN shows no sequential scan of a survey table.
 */
@KefuIntegrationTest
class SurveyQueryPlanTests {

	@Autowired
	SurveyMother mother;

	@Autowired
	SurveyManagement surveys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void pageQueriesUseIndexes() {
		SurveyMother.Site site = mother.site(0, 30);
		long questionnaire = surveys.questionnaires().get(0).id();
		long wave = surveys.createWave(site.site().admin().user(),
				new WaveInput(site.id(), "计划", questionnaire, BigDecimal.valueOf(20), null, 1L)).id();
		Map<String, String> queries = Map.of(
				"waves of the sites", "select id from survey.wave where site_id = any(array[" + site.id() + "]::bigint[]) order by id desc limit 100",
				"previous wave", "select id from survey.wave where site_id = " + site.id() + " and id < " + wave + " order by id desc limit 1",
				"sample of a wave", "select household_id from survey.sample where wave_id = " + wave + " order by building_name, room_code",
				"a visitor's part", "select household_id from survey.sample where wave_id = " + wave + " and visitor_id = 1",
				"answers of a wave", "select i.level from survey.survey_answer a join survey.answer_item i on i.answer_id = a.id where a.wave_id = " + wave,
				"pending actions", "select id from survey.improvement_action where site_id = any(array[" + site.id() + "]::bigint[]) and status <> 'VERIFIED' order by due_date, id limit 200",
				"actions of a wave", "select id from survey.improvement_action where wave_id = " + wave + " order by due_date, id limit 200",
				"waves using a version", "select 1 from survey.wave where version_id = 1");
		queries.forEach((name, sql) -> {
			String plan = transactions.execute(status -> {
				jdbc.sql("set local enable_seqscan = off").update();
				return String.join("\n", jdbc.sql("explain " + sql).query(String.class).list());
			});
			assertThat(plan).as(name + "\n" + plan).doesNotContainPattern("Seq Scan on (wave|sample|survey_answer|answer_item|improvement_action)\\b");
		});
	}
}
