package io.kefu.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The callback API over real HTTP: its problem details, and every endpoint limited to the caller's sites. */
@KefuIntegrationTest
class CallbackApiTests {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CallbackMother mother;

	@Autowired
	ServiceRequestQueries requests;

	@Autowired
	ServiceRequestManagement categories;

	@Test
	void anAgentWorksTheQueueOverTheApiAndAStaleOutcomeIs409() {
		FieldSite site = mother.site();
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		HttpTestClient api = api(site.agent());

		JsonNode queue = json(api.get("/api/v1/callbacks?site=" + site.site().id()));
		assertThat(queue.get("items")).hasSize(1);
		assertThat(queue.get("items").get(0).get("number").asString()).isEqualTo(callback.number());
		assertThat(json(api.get("/api/v1/callbacks/counts")).get("open").asLong()).isEqualTo(1);

		String path = "/api/v1/callbacks/" + callback.id();
		HttpResponse<String> wrong = api.postJson(path + "/attempts",
				"{\"version\":0,\"method\":\"PHONE\",\"result\":\"BUSY\"}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong).get("detail").asString()).startsWith("回访结果只能是：");
		HttpResponse<String> past = api.postJson(path + "/attempts", "{\"version\":0,\"method\":\"电话\",\"result\":\"未接通\","
				+ "\"nextTryAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}");
		assertThat(json(past).get("detail").asString()).isEqualTo("下次回访时间不能早于现在");
		HttpResponse<String> tried = api.postJson(path + "/attempts",
				"{\"version\":0,\"method\":\"PHONE\",\"result\":\"NO_ANSWER\"}");
		assertThat(tried.statusCode()).as(tried.body()).isEqualTo(200);
		assertThat(json(tried).get("attempts")).hasSize(1);

		HttpResponse<String> outOfScale = api.postJson(path + "/outcome",
				"{\"version\":1,\"method\":\"PHONE\",\"satisfaction\":\"EXCELLENT\"}");
		assertThat(outOfScale.statusCode()).isEqualTo(400);
		assertThat(json(outOfScale).get("detail").asString()).isEqualTo("满意度只能是：非常满意、满意、一般、不满意、非常不满意");
		HttpResponse<String> done = api.postJson(path + "/outcome",
				"{\"version\":1,\"method\":\"PHONE\",\"satisfaction\":\"满意\",\"comment\":\"好\"}");
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		assertThat(json(done).get("callback").get("state").asString()).isEqualTo("COMPLETED");
		HttpResponse<String> again = api.postJson(path + "/outcome",
				"{\"version\":1,\"method\":\"PHONE\",\"satisfaction\":\"SATISFIED\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("detail").asString()).contains("已被他人处理");
		assertThat(requests.details(site.agent().user(), id).status()).isEqualTo(RequestStatus.CLOSED);

		JsonNode figures = json(api.get("/api/v1/callbacks/figures?by=TYPE&from=" + Instant.now().minus(Duration.ofDays(1))
				+ "&to=" + Instant.now().plus(Duration.ofDays(1)) + "&site=" + site.site().id()));
		assertThat(figures.get(0).get("key").asString()).isEqualTo("REPAIR");
		assertThat(figures.get(0).get("callbackRate").asDouble()).isEqualTo(100.0);
	}

	@Test
	void everyEndpointKeepsToTheCallersSites() {
		FieldSite site = mother.site();
		FieldSite other = mother.site();
		long id = mother.resolvedRepair(site);
		CallbackSummary callback = mother.openCallback(site, id);
		HttpTestClient stranger = api(other.agent());
		String path = "/api/v1/callbacks/" + callback.id();

		assertThat(json(stranger.get("/api/v1/callbacks")).get("items")).isEmpty();
		assertThat(json(stranger.get("/api/v1/callbacks?site=" + site.site().id())).get("items")).isEmpty();
		assertThat(json(stranger.get("/api/v1/callbacks/counts?site=" + site.site().id())).get("open").asLong()).isZero();
		assertThat(stranger.get(path).statusCode()).isEqualTo(404);
		assertThat(stranger.postJson(path + "/attempts", "{\"version\":0,\"method\":\"PHONE\",\"result\":\"NO_ANSWER\"}")
			.statusCode()).isEqualTo(404);
		assertThat(stranger.postJson(path + "/outcome", "{\"version\":0,\"method\":\"PHONE\",\"satisfaction\":\"SATISFIED\"}")
			.statusCode()).isEqualTo(404);
		assertThat(stranger.postJson("/api/v1/callbacks", "{\"requestId\":" + id + "}").statusCode()).isEqualTo(404);
		assertThat(json(stranger.get("/api/v1/callbacks/figures?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
				+ Instant.now().plus(Duration.ofDays(1)) + "&site=" + site.site().id()))).isEmpty();
		assertThat(stranger.putJson("/api/v1/callbacks/policy", "{\"type\":\"HELP\",\"required\":true}").statusCode())
			.as("only administrators set the policy").isEqualTo(400);

		assertThat(api(site.agent()).get(path).statusCode()).isEqualTo(200);
		HttpTestClient technician = api(site.technician());
		assertThat(technician.get(path).statusCode()).as("callbacks are for the agents and their managers").isEqualTo(403);
		assertThat(technician.get("/api/v1/callbacks").statusCode()).isEqualTo(403);
		assertThat(technician.get("/api/v1/callbacks/counts").statusCode()).isEqualTo(403);
		assertThat(mother.open(site, id)).get().extracting(CallbackSummary::version).isEqualTo(callback.version());
	}

	@Test
	void administratorsChooseWhichCategoriesAreCalledBack() {
		FieldSite site = mother.site();
		HttpTestClient admin = api(site.admin());
		long lift = categories.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("电梯")).findFirst()
			.orElseThrow().id();
		HttpResponse<String> wrongType = admin.putJson("/api/v1/callbacks/policy",
				"{\"type\":\"COMPLAINT\",\"categoryId\":" + lift + ",\"required\":false}");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(api(site.agent()).putJson("/api/v1/callbacks/policy",
				"{\"type\":\"REPAIR\",\"categoryId\":" + lift + ",\"required\":false}").statusCode()).isEqualTo(400);

		HttpResponse<String> set = admin.putJson("/api/v1/callbacks/policy",
				"{\"type\":\"REPAIR\",\"categoryId\":" + lift + ",\"required\":false}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		try {
			assertThat(set.body()).contains("\"categoryName\":\"电梯\"");
			long id = mother.resolvedRepair(site, "电梯");
			long water = mother.resolvedRepair(site);
			mother.openCallback(site, water);
			mother.awaitResolutionHandled(id);
			assertThat(mother.open(site, id)).as("the category's own rule").isEmpty();
		}
		finally {
			assertThat(admin.putJson("/api/v1/callbacks/policy",
					"{\"type\":\"REPAIR\",\"categoryId\":" + lift + "}").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aParentCategorysRuleCoversTheCategoriesUnderIt() {
		FieldSite site = mother.site();
		HttpTestClient admin = api(site.admin());
		long utilities = categories.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("水电"))
			.findFirst().orElseThrow().id();
		assertThat(admin.putJson("/api/v1/callbacks/policy",
				"{\"type\":\"REPAIR\",\"categoryId\":" + utilities + ",\"required\":false}").statusCode()).isEqualTo(200);
		try {
			long water = mother.resolvedRepair(site, "给水");
			mother.awaitResolutionHandled(water);
			assertThat(mother.open(site, water)).as("给水 is under 水电, which is not called back").isEmpty();
		}
		finally {
			assertThat(admin.putJson("/api/v1/callbacks/policy",
					"{\"type\":\"REPAIR\",\"categoryId\":" + utilities + "}").statusCode()).isEqualTo(200);
		}
		long water = mother.resolvedRepair(site, "给水");
		assertThat(mother.openCallback(site, water)).as("back to the type's rule").isNotNull();
	}

	private HttpTestClient api(TestUser user) {
		return new HttpTestClient(port).withBasic(user.username(), user.password());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
