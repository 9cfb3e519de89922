package io.kefu.security;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@KefuIntegrationTest
class SecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	AccountManagement accounts;

	@Test
	void pagesNeedSignInAndTheFormSignsIn() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient client = new HttpTestClient(port);

		assertThat(client.get("/").statusCode()).isEqualTo(302);
		HttpResponse<String> signedIn = client.signIn(agent.username(), agent.password());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		HttpResponse<String> home = client.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(agent.user().displayName());

		HttpResponse<String> signedOut = client.postForm("/logout", java.util.Map.of());
		assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedOut"));
		assertThat(client.get("/login?signedOut").body()).contains("您已安全退出");
		assertThat(client.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void anExpiredSessionLeadsToTheSignInPageWithAMessage() {
		HttpResponse<String> expired = new HttpTestClient(port).getWithSession("/households",
				"ZGVhZGJlZWYtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw");
		assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertThat(new HttpTestClient(port).get("/login?expired").body()).contains("登录已超时");
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountWithAClearMessage() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient client = new HttpTestClient(port);

		for (int i = 1; i < 5; i++) {
			HttpResponse<String> failed = client.signIn(agent.username(), "wrong-" + i);
			assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("error=bad"));
		}
		HttpResponse<String> fifth = client.signIn(agent.username(), "wrong-5");
		assertThat(fifth.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("error=locked"));
		assertThat(client.get("/login?error=locked").body()).contains("账号已锁定");

		HttpResponse<String> rightButLocked = client.signIn(agent.username(), agent.password());
		assertThat(rightButLocked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("error=locked"));
		assertThat(new HttpTestClient(port).withBasic(agent.username(), agent.password()).get("/api/v1/sites").body())
			.contains("账号已锁定");

		accounts.resetPassword(agent.username());
		assertThat(accounts.findByUsername(agent.username()).orElseThrow().lockedUntil()).isNull();
	}

	@Test
	void apiTakesBasicAuthAndAnswersProblemDetails() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());

		HttpResponse<String> anonymous = new HttpTestClient(port).get("/api/v1/sites");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");

		assertThat(new HttpTestClient(port).withBasic(agent.username(), "nope").get("/api/v1/sites").body())
			.contains("工号或密码错误");
		assertThat(new HttpTestClient(port).withBasic(agent.username(), agent.password()).get("/api/v1/sites").statusCode())
			.isEqualTo(200);
	}

	@Test
	void actuatorHealthIsOpenAndTheRestIsNot() {
		HttpTestClient anonymous = new HttpTestClient(port);
		assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
	}

	@Test
	void apiDocumentationIsForAdministratorsOnly() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		TestUser admin = staff.administrator();

		HttpTestClient agentClient = new HttpTestClient(port);
		agentClient.signIn(agent.username(), agent.password());
		assertThat(agentClient.get("/v3/api-docs").statusCode()).isEqualTo(403);

		HttpTestClient adminClient = new HttpTestClient(port);
		adminClient.signIn(admin.username(), admin.password());
		assertThat(adminClient.get("/v3/api-docs").body()).contains("/api/v1/sites", "Kefu API")
			.doesNotContain("\"CurrentUser\"");
		assertThat(adminClient.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	@Test
	void aDisabledAccountIsSignedOutAtItsNextRequest() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient client = new HttpTestClient(port);
		client.signIn(agent.username(), agent.password());
		assertThat(client.get("/").statusCode()).isEqualTo(200);

		accounts.updateAccount(agent.user().accountId(), agent.user().displayName(), agent.user().roles(), List.of(),
				false);

		assertThat(client.get("/").statusCode()).isEqualTo(302);
	}
}
