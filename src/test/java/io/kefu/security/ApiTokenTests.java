package io.kefu.security;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens on the API: {@code Authorization: Bearer kefu_…} and {@code /api/v1/account/tokens}. */
@KefuIntegrationTest
class ApiTokenTests {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String INVALID = "API 令牌无效、已过期或已撤销";

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokenManagement tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenCreatedOverTheApiCallsTheApiAsItsOwnerWithTheOwnersSites() {
		SiteAndAdmin mine = staff.site();
		SiteAndAdmin other = staff.site();
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(mine.site().id()));

		HttpResponse<String> created = new HttpTestClient(port).withBasic(agent.username(), agent.password())
			.postJson("/api/v1/account/tokens", "{\"name\":\"工单同步脚本\",\"expiresInDays\":90}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = JSON.readTree(created.body());
		String token = body.get("token").asString();
		assertThat(token).matches("kefu_[A-Za-z0-9_-]{43}");
		assertThat(body.at("/summary/name").asString()).isEqualTo("工单同步脚本");
		assertThat(body.at("/summary/prefix").asString()).isEqualTo(token.substring(0, 13));
		assertThat(body.at("/summary/state").asString()).isEqualTo("ACTIVE");
		assertThat(body.at("/summary/expiresAt").asString()).startsWith("20");

		HttpTestClient bearer = new HttpTestClient(port).withBearer(token);
		HttpResponse<String> sites = bearer.get("/api/v1/sites");
		assertThat(sites.statusCode()).isEqualTo(200);
		assertThat(sites.body()).contains(mine.site().code()).doesNotContain(other.site().code());
		assertThat(sites.body())
			.isEqualTo(new HttpTestClient(port).withBasic(agent.username(), agent.password()).get("/api/v1/sites").body());

		// roles and sites are read at every call, not frozen in the token
		accounts.updateAccount(agent.user().accountId(), agent.user().displayName(), agent.user().roles(),
				List.of(other.site().id()), true);
		assertThat(bearer.get("/api/v1/sites").body()).contains(other.site().code()).doesNotContain(mine.site().code());

		HttpResponse<String> list = bearer.get("/api/v1/account/tokens");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("工单同步脚本", token.substring(0, 13)).doesNotContain(token);
	}

	@Test
	void revokedExpiredUnknownAndMalformedTokensAre401ProblemDetails() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		NewApiToken revoked = tokens.create(agent.user(), "撤销的", null);
		NewApiToken expired = tokens.create(agent.user(), "过期的", 30);
		assertThat(new HttpTestClient(port).withBearer(revoked.token()).get("/api/v1/sites").statusCode()).isEqualTo(200);
		assertThat(new HttpTestClient(port).withBearer(expired.token()).get("/api/v1/sites").statusCode()).isEqualTo(200);

		HttpResponse<String> revocation = new HttpTestClient(port).withBasic(agent.username(), agent.password())
			.delete("/api/v1/account/tokens/" + revoked.summary().id());
		assertThat(revocation.statusCode()).isEqualTo(204);
		jdbc.sql("update security.api_token set expires_at = now() - interval '1 second' where id = :id")
			.param("id", expired.summary().id())
			.update();

		String unknown = "kefu_" + "A".repeat(43);
		for (String token : List.of(revoked.token(), expired.token(), unknown, "kefu_short", "not-a-token",
				revoked.token().toUpperCase())) {
			assertRejected(new HttpTestClient(port).withBearer(token).get("/api/v1/sites"), INVALID);
		}
		assertRejected(new HttpTestClient(port).withAuthorization("Bearer").get("/api/v1/sites"), null);
		assertThat(tokens.tokens(agent.user())).extracting(ApiTokenSummary::state)
			.containsExactlyInAnyOrder(ApiTokenSummary.State.REVOKED, ApiTokenSummary.State.EXPIRED);
	}

	@Test
	void theTokenOfADisabledOrLockedAccountIsRefused() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		String token = tokens.create(agent.user(), "脚本", null).token();
		HttpTestClient bearer = new HttpTestClient(port).withBearer(token);
		assertThat(bearer.get("/api/v1/sites").statusCode()).isEqualTo(200);

		jdbc.sql("update security.account set locked_until = now() + interval '10 minutes' where id = :id")
			.param("id", agent.user().accountId())
			.update();
		assertRejected(bearer.get("/api/v1/sites"), "账号已锁定");

		accounts.resetPassword(agent.username());
		assertThat(bearer.get("/api/v1/sites").statusCode()).isEqualTo(200);
		accounts.updateAccount(agent.user().accountId(), agent.user().displayName(), agent.user().roles(), List.of(),
				false);
		assertRejected(bearer.get("/api/v1/sites"), "账号已停用");
	}

	@Test
	void onlyTheHashOfATokenIsStored() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		NewApiToken created = tokens.create(agent.user(), "脚本", 365);
		String secretPart = created.token().substring(13);

		String row = jdbc.sql("select t::text from security.api_token t where id = :id")
			.param("id", created.summary().id())
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(created.token()).doesNotContain(secretPart);
		assertThat(jdbc.sql("select count(*) from security.api_token t where position(:secret in t::text) > 0")
			.param("secret", secretPart)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select token_hash = sha256(convert_to(:token, 'UTF8')) from security.api_token where id = :id")
			.param("token", created.token())
			.param("id", created.summary().id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(created.summary().prefix()).isEqualTo(created.token().substring(0, 13));
	}

	@Test
	void namesAreRequiredAndShortAndNothingIsSavedOtherwise() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient api = new HttpTestClient(port).withBasic(agent.username(), agent.password());

		assertInvalid(api.postJson("/api/v1/account/tokens", "{\"name\":\"   \"}"), "name", "请填写令牌名称");
		assertInvalid(api.postJson("/api/v1/account/tokens", "{}"), "name", "请填写令牌名称");
		assertInvalid(api.postJson("/api/v1/account/tokens", "{\"name\":\"" + "长".repeat(51) + "\"}"), "name",
				"令牌名称不能超过 50 个字");
		assertInvalid(api.postJson("/api/v1/account/tokens", "{\"name\":\"脚本\",\"expiresInDays\":7}"),
				"expiresInDays", "有效期只能是 30、90、365 天或永不过期");
		assertThat(tokens.tokens(agent.user())).isEmpty();

		assertThat(api.postJson("/api/v1/account/tokens", "{\"name\":\"" + "长".repeat(50) + "\"}").statusCode())
			.isEqualTo(201);
		assertThat(tokens.tokens(agent.user())).singleElement()
			.satisfies(t -> assertThat(t.expiresAt()).isNull());
	}

	@Test
	void aUserHasAtMostTwentyActiveTokens() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		for (int i = 1; i <= 20; i++) {
			tokens.create(agent.user(), "脚本" + i, 30);
		}
		HttpTestClient api = new HttpTestClient(port).withBasic(agent.username(), agent.password());
		assertInvalid(api.postJson("/api/v1/account/tokens", "{\"name\":\"第21个\"}"), "name", "最多有 20 个有效的 API 令牌");
		assertThat(tokens.tokens(agent.user())).hasSize(20);

		tokens.revoke(agent.user(), tokens.tokens(agent.user()).get(0).id());
		assertThat(api.postJson("/api/v1/account/tokens", "{\"name\":\"第21个\"}").statusCode()).isEqualTo(201);
	}

	@Test
	void anotherUsersTokenCannotBeRevokedOrSeen() {
		TestUser owner = staff.user(EnumSet.of(Role.AGENT), List.of());
		TestUser other = staff.user(EnumSet.of(Role.AGENT), List.of());
		NewApiToken token = tokens.create(owner.user(), "别人的脚本", null);

		HttpTestClient api = new HttpTestClient(port).withBasic(other.username(), other.password());
		HttpResponse<String> revoke = api.delete("/api/v1/account/tokens/" + token.summary().id());
		assertThat(revoke.statusCode()).isEqualTo(404);
		assertThat(revoke.body()).contains("没有找到该 API 令牌");
		assertThat(api.get("/api/v1/account/tokens").body()).doesNotContain("别人的脚本");

		assertThat(new HttpTestClient(port).withBearer(token.token()).get("/api/v1/sites").statusCode()).isEqualTo(200);
	}

	@Test
	void lastUsedIsRecordedAtMostOnceAMinute() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		NewApiToken token = tokens.create(agent.user(), "脚本", null);
		assertThat(lastUsed(token)).isNull();
		HttpTestClient bearer = new HttpTestClient(port).withBearer(token.token());

		bearer.get("/api/v1/sites");
		String first = lastUsed(token);
		assertThat(first).isNotNull();
		bearer.get("/api/v1/sites");
		assertThat(lastUsed(token)).isEqualTo(first);

		jdbc.sql("update security.api_token set last_used_at = last_used_at - interval '2 minutes' where id = :id")
			.param("id", token.summary().id())
			.update();
		String moved = lastUsed(token);
		bearer.get("/api/v1/sites");
		assertThat(lastUsed(token)).isNotEqualTo(moved);
		assertThat(jdbc.sql("select last_used_at > now() - interval '1 minute' from security.api_token where id = :id")
			.param("id", token.summary().id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	private String lastUsed(NewApiToken token) {
		return jdbc.sql("select last_used_at::text from security.api_token where id = :id")
			.param("id", token.summary().id())
			.query(String.class)
			.list()
			.get(0);
	}

	private static void assertRejected(HttpResponse<String> response, String detail) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
		if (detail != null) {
			assertThat(JSON.readTree(response.body()).get("detail").asString()).contains(detail);
		}
	}

	private static void assertInvalid(HttpResponse<String> response, String field, String message) {
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		assertThat(problem.get("detail").asString()).contains(message);
	}
}
