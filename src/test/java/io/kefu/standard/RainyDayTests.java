package io.kefu.standard;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.kefu.standard.CalendarIntegrationTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Rainy days recorded by the people on duty at a site, over the API and through the facade. */
@KefuIntegrationTest
@RecordApplicationEvents
class RainyDayTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	RainyDayManagement rainyDays;

	@Autowired
	ApplicationEvents events;

	@Test
	void dutyStaffRecordTodayListItAndRemoveAWrongEntry() {
		SiteAndAdmin site = staff.site();
		long siteId = site.site().id();
		TestUser guard = staff.user(EnumSet.of(Role.SECURITY), List.of(siteId));
		HttpTestClient api = api(guard);
		String path = "/api/v1/sites/" + siteId + "/rainy-days";
		LocalDate today = rainyDays.today();

		HttpResponse<String> recorded = api.postJson(path, "{}");
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		JsonNode entry = json(recorded);
		assertThat(entry.get("date").asString()).isEqualTo(today.toString());
		assertThat(entry.get("recordedBy").asString()).isEqualTo(guard.user().displayName());
		assertThat(json(api.postJson(path, "{\"date\":\"" + today + "\"}")).get("id").asLong())
			.as("recording the same day twice keeps one entry")
			.isEqualTo(entry.get("id").asLong());
		HttpResponse<String> earlier = api.postJson(path, "{\"date\":\"" + today.minusDays(3) + "\"}");
		assertThat(earlier.statusCode()).isEqualTo(201);

		JsonNode list = json(api.get(path));
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("date").asString()).isEqualTo(today.toString());
		assertThat(rainyDays.firstRainyDayOnOrAfter(siteId, today.minusDays(5))).contains(today.minusDays(3));
		assertThat(rainyDays.firstRainyDayOnOrAfter(siteId, today.minusDays(2))).contains(today);
		assertThat(rainyDays.firstRainyDayOnOrAfter(siteId, today.plusDays(1))).isEmpty();

		TestUser supervisor = staff.user(EnumSet.of(Role.SUPERVISOR), List.of(siteId));
		HttpResponse<String> removed = api(supervisor).delete(path + "/" + json(earlier).get("id").asLong());
		assertThat(removed.statusCode()).isEqualTo(200);
		assertThat(json(removed).get("removedBy").asString()).isEqualTo(supervisor.user().displayName());
		assertThat(rainyDays.firstRainyDayOnOrAfter(siteId, today.minusDays(5))).as("a removed day no longer counts")
			.contains(today);
		JsonNode after = json(api.get(path));
		assertThat(after).as("the removal stays on record").hasSize(2);
		assertThat(after.get(1).get("removedAt").isNull()).isFalse();
		assertThat(api.delete(path + "/" + json(earlier).get("id").asLong()).statusCode()).isEqualTo(404);
		assertThat(api.postJson(path, "{\"date\":\"" + today.minusDays(3) + "\"}").statusCode())
			.as("a removed day can be recorded again")
			.isEqualTo(201);
	}

	@Test
	void onlyTheSitesOwnDutyStaffSupervisorsManagersAndAdministratorsRecord() {
		SiteAndAdmin site = staff.site();
		SiteAndAdmin other = staff.site();
		long siteId = site.site().id();
		String path = "/api/v1/sites/" + siteId + "/rainy-days";
		TestUser otherGuard = staff.user(EnumSet.of(Role.SECURITY), List.of(other.site().id()));
		assertThat(api(otherGuard).get(path).statusCode()).isEqualTo(404);
		assertThat(api(otherGuard).postJson(path, "{}").statusCode()).isEqualTo(404);
		assertThat(api(other.admin()).postJson(path, "{}").statusCode()).isEqualTo(404);

		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(siteId));
		assertThat(api(agent).get(path).statusCode()).as("everyone at the site may read").isEqualTo(200);
		assertThat(api(agent).postJson(path, "{}").statusCode()).isEqualTo(403);
		assertThat(api(site.admin()).postJson(path, "{}").statusCode()).isEqualTo(201);
		TestUser manager = staff.user(EnumSet.of(Role.SITE_MANAGER), List.of(siteId));
		long id = json(api(manager).get(path)).get(0).get("id").asLong();
		assertThat(api(otherGuard).delete(path + "/" + id).statusCode()).isEqualTo(404);
		assertThat(api(manager).delete(path + "/" + id).statusCode()).isEqualTo(200);

		LocalDate tomorrow = rainyDays.today().plusDays(1);
		HttpResponse<String> future = api(manager).postJson(path, "{\"date\":\"" + tomorrow + "\"}");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(json(future).get("detail").asString()).isEqualTo("不能登记未来的日期");
	}

	@Test
	void recordingPublishesRainyDayRecordedOnceAndRemovingRainyDayRemoved() {
		SiteAndAdmin site = staff.site();
		long siteId = site.site().id();
		LocalDate day = rainyDays.today().minusDays(1);
		RainyDay recorded = rainyDays.record(site.admin().user(), siteId, day);
		rainyDays.record(site.admin().user(), siteId, day);
		assertThat(events.stream(RainyDayRecorded.class).filter(e -> e.siteId() == siteId))
			.extracting(RainyDayRecorded::date)
			.containsExactly(day);
		rainyDays.remove(site.admin().user(), siteId, recorded.id());
		assertThat(events.stream(RainyDayRemoved.class).filter(e -> e.siteId() == siteId)).hasSize(1);
	}

	private HttpTestClient api(TestUser user) {
		return new HttpTestClient(port).withBasic(user.username(), user.password());
	}
}
