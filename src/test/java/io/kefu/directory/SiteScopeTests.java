package io.kefu.directory;

import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member of site A gets nothing of site B: pages, API lists, API by id, search. */
@KefuIntegrationTest
class SiteScopeTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Places places;

	@Autowired
	Households households;

	SiteAndAdmin siteA;

	SiteAndAdmin siteB;

	long householdB;

	long roomB;

	long buildingB;

	TestUser agentA;

	@BeforeEach
	void twoSitesWithAHouseholdEach() {
		siteA = staff.site();
		siteB = staff.site();
		buildingB = places.createBuilding(siteB.admin().user(), siteB.site().id(), "9", null).id();
		places.generateRooms(siteB.admin().user(), buildingB, 1, 1, 1, null);
		roomB = places.rooms(siteB.admin().user(), buildingB).get(0).id();
		householdB = households.create(siteB.admin().user(), new HouseholdInput(siteB.site().id(), "乙方住户",
				HouseholdState.OCCUPIED, null, null, List.of("9#1-1-1"),
				List.of(new PersonInput("乙方业主", PersonRole.OWNER, "13912345678", null))));
		agentA = staff.user(EnumSet.of(Role.AGENT, Role.CLERK), List.of(siteA.site().id()));
	}

	@Test
	void apiListsAndLookupsByIdShowNothingOfTheOtherSite() {
		HttpTestClient api = new HttpTestClient(port).withBasic(agentA.username(), agentA.password());

		assertThat(api.get("/api/v1/sites").body()).contains(siteA.site().code()).doesNotContain(siteB.site().code());
		assertThat(api.get("/api/v1/households").body()).doesNotContain("乙方");
		assertThat(api.get("/api/v1/households?site=" + siteB.site().id()).body()).doesNotContain("乙方");
		assertThat(api.get("/api/v1/households/search?q=5678").body()).isEqualTo("[]");
		assertThat(api.get("/api/v1/households/search?q=乙方").body()).isEqualTo("[]");
		assertThat(api.get("/api/v1/households/search?q=9%231").body()).isEqualTo("[]");
		for (String path : List.of("/api/v1/sites/" + siteB.site().id(), "/api/v1/households/" + householdB,
				"/api/v1/buildings/" + buildingB, "/api/v1/rooms/" + roomB,
				"/api/v1/sites/" + siteB.site().id() + "/buildings")) {
			assertThat(api.get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void writesIntoTheOtherSiteAreRefusedAndChangeNothing() {
		HttpTestClient api = new HttpTestClient(port).withBasic(agentA.username(), agentA.password());

		assertThat(api.postJson("/api/v1/households/" + householdB + "/people",
				"{\"name\":\"闯入者\",\"role\":\"FAMILY\",\"phone\":\"13700000000\"}").statusCode()).isEqualTo(404);
		assertThat(api.postJson("/api/v1/households",
				"{\"siteId\":" + siteB.site().id() + ",\"name\":\"冒名\",\"state\":\"OCCUPIED\"}").statusCode())
			.isEqualTo(404);
		assertThat(households.details(siteB.admin().user(), householdB).people()).hasSize(1);
	}

	@Test
	void pagesShowNothingOfTheOtherSite() {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agentA.username(), agentA.password());

		assertThat(page.get("/households/" + householdB).statusCode()).isEqualTo(404);
		assertThat(page.get("/sites/" + siteB.site().id()).statusCode()).isEqualTo(404);
		assertThat(page.get("/buildings/" + buildingB).statusCode()).isEqualTo(404);
		assertThat(page.get("/households?q=5678").body()).doesNotContain("乙方");
		assertThat(page.get("/households").body()).doesNotContain("乙方");
		assertThat(page.get("/sites").body()).doesNotContain(siteB.site().name());

		HttpTestClient owner = new HttpTestClient(port);
		owner.signIn(siteB.admin().username(), siteB.admin().password());
		assertThat(owner.get("/households?q=5678").body()).contains("乙方住户");
	}
}
