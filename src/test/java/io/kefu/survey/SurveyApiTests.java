package io.kefu.survey;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.OccupiedHousehold;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey API over real HTTP: refusals in Chinese that change nothing, site scope, the Excel export, actions. */
@KefuIntegrationTest
class SurveyApiTests {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SurveyMother mother;

	@Autowired
	StaffMother staff;

	@Autowired
	SurveyManagement surveys;

	@Autowired
	DirectoryManagement directory;

	@Test
	void badInputGetsASpecificChineseMessageAndChangesNothing() {
		SurveyMother.Site site = mother.site(0, 10);
		HttpTestClient api = api(site.site().admin());
		long questionnaire = defaultQuestionnaire();
		String wave = "{\"siteId\":" + site.id() + ",\"name\":\"2026 下半年\",\"questionnaireId\":" + questionnaire;
		assertRefused(api.postJson("/api/v1/surveys/waves", wave + ",\"sampleShare\":150}"), "抽样比例必须大于 0% 且不超过 100%");
		assertRefused(api.postJson("/api/v1/surveys/waves", wave + ",\"sampleShare\":0}"), "抽样比例必须大于 0% 且不超过 100%");
		SurveyMother.Site empty = mother.site(5, 0);
		assertRefused(api(empty.site().admin()).postJson("/api/v1/surveys/waves",
				"{\"siteId\":" + empty.id() + ",\"name\":\"空\",\"questionnaireId\":" + questionnaire + "}"),
				"该项目没有入住的业户，无法抽样");
		assertThat(json(api.get("/api/v1/surveys/waves"))).isEmpty();

		JsonNode created = json(api.postJson("/api/v1/surveys/waves", wave + ",\"sampleShare\":50,\"seed\":5}"));
		long waveId = created.get("id").asLong();
		assertThat(created.get("sampled").asInt()).isEqualTo(5);
		String answers = "/api/v1/surveys/waves/" + waveId + "/answers";
		Set<Long> sampled = ids(json(api.get("/api/v1/surveys/waves/" + waveId + "/sample")));
		long outside = directory.occupiedHouseholds(site.site().admin().user(), site.id())
			.stream()
			.map(OccupiedHousehold::householdId)
			.filter(id -> !sampled.contains(id))
			.findFirst()
			.orElseThrow();
		long inside = sampled.iterator().next();
		long question = surveys.questionnaire(questionnaire).questions().get(0).id();
		assertRefused(api.postJson(answers, answer(outside, question, "SATISFIED")), "该业户不在本次调查的样本中");
		assertRefused(api.postJson(answers, answer(inside, question, "GOOD")),
				"“服务中心工作人员的服务态度”的回答“GOOD”不在五级满意度（非常满意、满意、一般、不满意、非常不满意）之内");
		assertRefused(api.postJson(answers, answer(inside, 999999999L, "SATISFIED")), "第 999999999 号题目不在本次调查的问卷中");
		assertThat(json(api.get("/api/v1/surveys/waves/" + waveId)).get("signed").asInt()).isZero();

		int questionnaires = json(api.get("/api/v1/surveys/questionnaires")).size();
		assertRefused(api.postJson("/api/v1/surveys/questionnaires", """
				{"name":"空部分","sections":[{"name":"客服","questions":[{"text":"态度","kind":"SCALE"}]},
				 {"name":"保安","questions":[]}]}"""), "部分“保安”没有题目");
		assertRefused(api.postJson("/api/v1/surveys/questionnaires", "{\"name\":\"无题\",\"sections\":[]}"), "问卷至少要有一道题");
		assertThat(json(api.get("/api/v1/surveys/questionnaires"))).hasSize(questionnaires);

		assertThat(api.postJson("/api/v1/surveys/waves/" + waveId + "/close", "").statusCode()).isEqualTo(200);
		String closed = "该调查已结束，不能再修改样本或录入答卷";
		assertRefused(api.postJson(answers, answer(inside, question, "SATISFIED")), closed);
		long visitor = mother.staffMember(site, Role.AGENT, "上门员").user().accountId();
		assertRefused(api.putJson("/api/v1/surveys/waves/" + waveId + "/visitors", "{\"accountIds\":[" + visitor + "]}"),
				closed);
		assertRefused(api.postJson("/api/v1/surveys/waves/" + waveId + "/close", ""), closed);
		JsonNode after = json(api.get("/api/v1/surveys/waves/" + waveId));
		assertThat(after.get("signed").asInt() + after.get("unsigned").asInt()).isZero();
		assertThat(json(api.get("/api/v1/surveys/waves/" + waveId + "/sample")).findValues("visitorId"))
			.allMatch(JsonNode::isNull);
	}

	@Test
	void everyEndpointKeepsToTheCallersSites() {
		SurveyMother.Site site = mother.site(0, 6);
		CurrentUser admin = site.site().admin().user();
		WaveSummary wave = surveys.createWave(admin,
				new WaveInput(site.id(), "本项目调查", defaultQuestionnaire(), BigDecimal.valueOf(50), null, 1L));
		long household = surveys.sample(admin, wave.id(), null).get(0).householdId();
		TestUser owner = mother.staffMember(site, Role.SUPERVISOR, "责任人");
		HttpTestClient own = api(site.site().admin());
		long action = json(own.postJson("/api/v1/surveys/waves/" + wave.id() + "/actions",
				"{\"what\":\"清理楼道\",\"ownerId\":" + owner.user().accountId() + ",\"dueDate\":\"2020-01-01\"}"))
			.get("id")
			.asLong();

		SurveyMother.Site other = mother.site(0, 2);
		HttpTestClient stranger = api(other.site().admin());
		String w = "/api/v1/surveys/waves/" + wave.id();
		for (String path : List.of(w, w + "/sample", w + "/results", w + "/results.xlsx", w + "/actions",
				w + "/answers/" + household, "/api/v1/surveys/actions/" + action)) {
			assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(stranger.postJson(w + "/answers", answer(household, 1, "SATISFIED")).statusCode()).isEqualTo(404);
		assertThat(stranger.putJson(w + "/visitors", "{\"accountIds\":[1]}").statusCode()).isEqualTo(404);
		assertThat(stranger.postJson(w + "/close", "").statusCode()).isEqualTo(404);
		assertThat(stranger.postJson(w + "/actions", "{\"what\":\"x\",\"ownerId\":1,\"dueDate\":\"2030-01-01\"}")
			.statusCode()).isEqualTo(404);
		for (String step : List.of("done", "verify", "reopen")) {
			assertThat(stranger.postJson("/api/v1/surveys/actions/" + action + "/" + step, "{\"version\":0,\"note\":\"x\"}")
				.statusCode()).as(step).isEqualTo(404);
		}
		assertThat(stranger.get("/api/v1/surveys/waves").body()).doesNotContain("本项目调查");
		assertThat(stranger.get("/api/v1/surveys/actions").body()).doesNotContain("清理楼道");
		assertThat(own.get("/api/v1/surveys/actions?overdue=true").body()).contains("清理楼道");

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(other.site().admin().username(), other.site().admin().password());
		assertThat(page.get("/surveys").body()).doesNotContain("本项目调查");
		for (String path : List.of("/surveys/" + wave.id(), "/surveys/" + wave.id() + "/results",
				"/surveys/" + wave.id() + "/visits", "/surveys/" + wave.id() + "/answers/" + household)) {
			assertThat(page.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(page.get("/surveys/actions").body()).doesNotContain("清理楼道");
		assertThat(surveys.wave(admin, wave.id()).status()).isEqualTo(WaveStatus.OPEN);
	}

	@Test
	void improvementActionsAreFollowedUntilVerifiedAndOverdueOnesShow() {
		SurveyMother.Site site = mother.site(0, 4);
		WaveSummary wave = surveys.createWave(site.site().admin().user(),
				new WaveInput(site.id(), "整改", defaultQuestionnaire(), BigDecimal.valueOf(50), null, 1L));
		TestUser owner = mother.staffMember(site, Role.AGENT, "保洁主管");
		HttpTestClient organiser = api(site.site().admin());
		String yesterday = LocalDate.now(KefuApplication.ZONE).minusDays(1).toString();
		JsonNode action = json(organiser.postJson("/api/v1/surveys/waves/" + wave.id() + "/actions",
				"{\"what\":\"增加楼道保洁频次\",\"ownerId\":" + owner.user().accountId() + ",\"dueDate\":\"" + yesterday + "\"}"));
		assertThat(action.get("status").asString()).isEqualTo("OPEN");
		assertThat(action.get("overdue").asBoolean()).isTrue();
		long id = action.get("id").asLong();
		assertRefused(organiser.postJson("/api/v1/surveys/waves/" + wave.id() + "/actions",
				"{\"what\":\"x\",\"ownerId\":" + site.site().admin().user().accountId() + ",\"dueDate\":\"2030-01-01\"}"),
				"责任人须是该项目的在职员工");
		assertRefused(organiser.postJson("/api/v1/surveys/actions/" + id + "/verify", "{\"version\":0,\"note\":\"好\"}"),
				"整改完成后才能验证");

		HttpResponse<String> done = api(owner).postJson("/api/v1/surveys/actions/" + id + "/done", "{\"version\":0}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(json(done).get("overdue").asBoolean()).as("done in time or not, it is no longer overdue").isFalse();
		assertThat(api(owner).postJson("/api/v1/surveys/actions/" + id + "/verify", "{\"version\":1,\"note\":\"好\"}")
			.statusCode()).as("owners do not verify their own work").isEqualTo(403);
		assertThat(organiser.postJson("/api/v1/surveys/actions/" + id + "/verify", "{\"version\":0,\"note\":\"好\"}")
			.statusCode()).as("a stale version").isEqualTo(409);
		assertRefused(organiser.postJson("/api/v1/surveys/actions/" + id + "/verify", "{\"version\":1}"), "请填写验证情况");
		JsonNode verified = json(organiser.postJson("/api/v1/surveys/actions/" + id + "/verify",
				"{\"version\":1,\"note\":\"复查楼道已每日两次保洁\"}"));
		assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
		assertThat(verified.get("verificationNote").asString()).isEqualTo("复查楼道已每日两次保洁");
		assertThat(organiser.get("/api/v1/surveys/actions").body()).doesNotContain("增加楼道保洁频次");
	}

	@Test
	void theExcelExportOpensAndHoldsTheFigures() throws Exception {
		SurveyMother.Site site = mother.site(0, 2);
		CurrentUser admin = site.site().admin().user();
		long questionnaire = defaultQuestionnaire();
		WaveSummary wave = surveys.createWave(admin,
				new WaveInput(site.id(), "导出", questionnaire, BigDecimal.valueOf(100), null, 1L));
		List<SampledHousehold> sample = surveys.sample(admin, wave.id(), null);
		long question = surveys.questionnaire(questionnaire).questions().get(0).id();
		surveys.recordAnswers(admin, wave.id(), new AnswerInput(sample.get(0).householdId(), true,
				Map.of(question, "VERY_SATISFIED")));
		surveys.recordAnswers(admin, wave.id(), new AnswerInput(sample.get(1).householdId(), true,
				Map.of(question, "DISSATISFIED")));

		HttpResponse<byte[]> download = api(site.site().admin()).getBytes("/api/v1/surveys/waves/" + wave.id() + "/results.xlsx");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download.body()))) {
			try (var stream = workbook.getFirstSheet().openStream()) {
				stream.forEach(row -> rows.add(cells(row)));
			}
		}
		assertThat(rows.get(0)).containsExactly(site.site().site().name() + " 导出");
		assertThat(rows).filteredOn(r -> !r.isEmpty() && "类别".equals(r.get(0))).singleElement().asInstanceOf(
				org.assertj.core.api.InstanceOfAssertFactories.LIST).startsWith("类别", "名称", "非常满意", "满意", "一般", "不满意", "非常不满意", "有效答题数", "满意率(%)");
		List<String> siteRow = rows.stream().filter(r -> !r.isEmpty() && "项目".equals(r.get(0))).findFirst().orElseThrow();
		assertThat(siteRow.subList(2, 9)).containsExactly("1", "0", "0", "1", "0", "2", "50");
		assertThat(rows.stream().filter(r -> !r.isEmpty() && "题目".equals(r.get(0)) && r.get(1).contains("服务态度")))
			.singleElement()
			.satisfies(r -> assertThat(r.get(8)).isEqualTo("50"));
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getCellCount(); c++) {
			String text = row.getCellText(c);
			cells.add(text == null ? "" : plain(text));
		}
		return cells;
	}

	/** Numbers as Excel keeps them ("50.0" is stored as 50) compare in their plain form. */
	private static String plain(String text) {
		try {
			return new BigDecimal(text).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private long defaultQuestionnaire() {
		return surveys.questionnaires()
			.stream()
			.filter(q -> q.name().equals("业户服务满意度调查表"))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static String answer(long household, long question, String value) {
		return "{\"householdId\":" + household + ",\"signed\":true,\"values\":{\"" + question + "\":\"" + value + "\"}}";
	}

	private static void assertRefused(HttpResponse<String> response, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(json(response).get("detail").asString()).isEqualTo(detail);
	}

	private static Set<Long> ids(JsonNode sample) {
		List<Long> ids = new ArrayList<>();
		sample.forEach(h -> ids.add(h.get("householdId").asLong()));
		return ids.stream().collect(Collectors.toSet());
	}

	private HttpTestClient api(TestUser user) {
		return new HttpTestClient(port).withBasic(user.username(), user.password());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
