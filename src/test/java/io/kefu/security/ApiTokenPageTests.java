package io.kefu.security;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The page {@code /account/tokens}, and an administrator's view of a staff member's tokens. */
@KefuIntegrationTest
class ApiTokenPageTests {

	private static final Pattern TOKEN = Pattern.compile("kefu_[A-Za-z0-9_-]{43}");

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	ApiTokenManagement tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePageCreatesATokenShowsItOnceListsItAndRevokesIt() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());

		HttpResponse<String> empty = page.get("/account/tokens");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("还没有 API 令牌", "href=\"/account/tokens\"");

		HttpResponse<String> created = page.postForm("/account/tokens", Map.of("name", "报表导出", "expiresInDays", "30"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("已创建令牌“报表导出”", "只显示这一次", "data-copy=\"#new-token-value\"");
		Matcher shown = TOKEN.matcher(created.body());
		assertThat(shown.find()).isTrue();
		String token = shown.group();
		assertThat(jdbc.sql("""
				select count(*) from security.spring_session_attributes
				where position(convert_to(:token, 'UTF8') in attribute_bytes) > 0""")
			.param("token", token)
			.query(Integer.class)
			.single()).as("the token is not kept in the session either").isZero();

		HttpResponse<String> again = page.get("/account/tokens");
		assertThat(again.body()).doesNotContain(token)
			.doesNotContain("只显示这一次")
			.contains("报表导出", token.substring(0, 13) + "…", "从未使用", "有效");

		assertThat(new HttpTestClient(port).withBearer(token).get("/api/v1/sites").statusCode()).isEqualTo(200);
		long id = tokens.tokens(agent.user()).get(0).id();
		assertThat(page.get("/account/tokens").body()).doesNotContain("从未使用");

		HttpResponse<String> revoked = page.postForm("/account/tokens/" + id + "/revoke", Map.of());
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(page.follow(revoked).body()).contains("令牌已撤销", "已撤销").doesNotContain("/revoke");
		assertThat(new HttpTestClient(port).withBearer(token).get("/api/v1/sites").statusCode()).isEqualTo(401);
	}

	@Test
	void aNamelessOrOverlongNameIsRefusedWithTheReason() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());
		page.get("/account/tokens");

		HttpResponse<String> nameless = page.postForm("/account/tokens", Map.of("name", " ", "expiresInDays", ""));
		assertThat(nameless.statusCode()).isEqualTo(302);
		assertThat(page.follow(nameless).body()).contains("请填写令牌名称").doesNotContain("已创建令牌");

		HttpResponse<String> overlong = page.postForm("/account/tokens", Map.of("name", "x".repeat(51), "expiresInDays", ""));
		assertThat(page.follow(overlong).body()).contains("令牌名称不能超过 50 个字");
		assertThat(tokens.tokens(agent.user())).isEmpty();
	}

	@Test
	void anotherUsersTokenIsNotFoundOnThePage() {
		TestUser owner = staff.user(EnumSet.of(Role.AGENT), List.of());
		TestUser other = staff.user(EnumSet.of(Role.AGENT), List.of());
		NewApiToken token = tokens.create(owner.user(), "别人的脚本", null);
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(other.username(), other.password());
		page.get("/account/tokens");

		assertThat(page.postForm("/account/tokens/" + token.summary().id() + "/revoke", Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(tokens.tokens(owner.user())).singleElement()
			.satisfies(t -> assertThat(t.state()).isEqualTo(ApiTokenSummary.State.ACTIVE));
	}

	@Test
	void anAdministratorSeesAndRevokesAStaffMembersTokens() {
		SiteAndAdmin site = staff.site();
		TestUser admin = site.admin();
		HttpTestClient adminApi = new HttpTestClient(port).withBasic(admin.username(), admin.password());
		String number = "T" + System.nanoTime() % 100_000_000;
		HttpResponse<String> hired = adminApi.postJson("/api/v1/staff", "{\"staffNumber\":\"" + number
				+ "\",\"name\":\"离职员工\",\"roles\":[\"AGENT\"],\"siteIds\":[" + site.site().id() + "]}");
		assertThat(hired.statusCode()).as(hired.body()).isEqualTo(201);
		long staffId = Long.parseLong(hired.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
		String password = hired.body().replaceAll(".*\"password\":\"([^\"]+)\".*", "$1");
		HttpResponse<String> created = new HttpTestClient(port).withBasic(number, password)
			.postJson("/api/v1/account/tokens", "{\"name\":\"私下的脚本\"}");
		Matcher matcher = TOKEN.matcher(created.body());
		assertThat(matcher.find()).isTrue();
		String token = matcher.group();
		long tokenId = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(admin.username(), admin.password());
		assertThat(page.get("/staff/" + staffId).body()).contains("私下的脚本", token.substring(0, 13));
		HttpResponse<String> revoked = page.postForm("/staff/" + staffId + "/tokens/" + tokenId + "/revoke", Map.of());
		assertThat(page.follow(revoked).body()).contains("令牌已撤销");
		assertThat(new HttpTestClient(port).withBearer(token).get("/api/v1/sites").statusCode()).isEqualTo(401);
	}
}
