package io.kefu.web;

import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Daily work in the main bar; what administrators set up in the settings menu (管理), shown only to them. */
@KefuIntegrationTest
class NavigationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Test
	void administratorsFindTheSetUpPagesUnderSettingsAndAgentsDoNotSeeTheMenu() {
		String admin = home(staff.administrator());
		String menu = admin.substring(admin.indexOf("id=\"nav-settings\""), admin.indexOf("</ul>", admin.indexOf("id=\"nav-settings\"")));
		assertThat(menu).contains("管理", "href=\"/staff\"", "href=\"/departments\"", "href=\"/admin/categories\"",
				"href=\"/admin/calendars\"", "href=\"/imports\"");
		assertThat(admin.substring(0, admin.indexOf("id=\"nav-settings\""))).contains("href=\"/requests\"")
			.doesNotContain("href=\"/staff\"");

		String agent = home(staff.user(EnumSet.of(Role.AGENT), List.of()));
		assertThat(agent).contains("href=\"/requests\"").doesNotContain("nav-settings", "href=\"/staff\"");
	}

	private String home(TestUser user) {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(user.username(), user.password());
		return page.get("/").body();
	}
}
