package io.kefu.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stylesheet and script a page links to is served, the WebJars' version-less paths included. */
@KefuIntegrationTest
class StaticResourceTests {

	private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Test
	void theIntakeScreensStylesheetsAndScriptsAreServed() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());
		String html = page.get("/requests/new").body();

		List<String> linked = new ArrayList<>();
		Matcher matcher = LINKED.matcher(html);
		while (matcher.find()) {
			linked.add(matcher.group(1));
		}
		assertThat(linked).contains("/webjars/htmx.org/dist/htmx.min.js",
				"/webjars/bootstrap/dist/css/bootstrap.min.css", "/css/kefu.css", "/js/intake.js");
		for (String path : linked) {
			HttpResponse<byte[]> served = page.getBytes(path);
			assertThat(served.statusCode()).as(path).isEqualTo(200);
			assertThat(served.body().length).as(path).isGreaterThan(100);
		}
	}
}
