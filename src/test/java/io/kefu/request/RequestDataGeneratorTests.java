package io.kefu.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.request.RequestDataGenerator.GeneratedSite;
import io.kefu.request.RequestDataGenerator.Result;
import io.kefu.request.RequestDataGenerator.Settings;
import io.kefu.security.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark data generator at a small scale, so that it keeps working: the rows it
 * writes obey the same rules as those the service writes.
 */
@KefuIntegrationTest
class RequestDataGeneratorTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestDataGenerator generator;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffMother staff;

	@Autowired
	ServiceRequestManagement requests;

	@Test
	void generatesConsistentRequestsThatTheServiceCarriesOn() {
		Result data = generator
			.generate(new Settings(3, 2, 2, 5, 2, 6_000, 3, 0.5));
		List<Long> sites = data.sites().stream().map(GeneratedSite::id).toList();
		Long[] siteIds = sites.toArray(Long[]::new);

		assertThat(data.requests()).isEqualTo(6_000);
		assertThat(data.households()).isEqualTo(3 * 40);
		assertThat(data.sites()).extracting(GeneratedSite::requests).doesNotContainNull().isSortedAccordingTo((a, b) -> b - a);
		assertThat(count("select count(*) from directory.household_room hr join directory.household h on h.id = hr.household_id where h.site_id = any(:sites)", siteIds))
			.isEqualTo(120);
		assertThat(count("""
				select count(*) from request.service_request r
				where r.site_id = any(:sites)
				  and r.number !~ ('^' || (select code from directory.site s where s.id = r.site_id) || '-'
				                   || to_char(r.registered_at at time zone 'Asia/Shanghai', 'YYMMDD') || '-[0-9]{4}$')""", siteIds))
			.as("numbers <site code>-yyMMdd-nnnn on the local day of registration")
			.isZero();
		assertThat(count("""
				select count(*) from request.request_number n
				full join (select site_id, (registered_at at time zone 'Asia/Shanghai')::date as day, count(*) as requests,
				                  max(cast(split_part(number, '-', 3) as int)) as highest
				           from request.service_request where site_id = any(:sites) group by 1, 2) r
				  on r.site_id = n.site_id and r.day = n.day
				where coalesce(n.site_id, r.site_id) = any(:sites)
				  and (n.last is distinct from r.requests or r.requests is distinct from r.highest)""", siteIds))
			.as("per site and day the numbers run 1..last without gaps, as request_number says")
			.isZero();
		assertThat(count("""
				select count(*) from request.service_request r where r.site_id = any(:sites)
				  and not exists (select 1 from request.request_history h where h.request_id = r.id and h.action = '受理')""",
				siteIds)).as("every request has its 受理 history row").isZero();
		assertThat(queueCountDrift(siteIds)).as("queue counters match the rows").isZero();
		Map<String, Long> byType = jdbc.sql("select type, count(*) from request.service_request where site_id = any(:sites) group by type")
			.param("sites", siteIds)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(byType.get("REPAIR")).isBetween(2_500L, 2_900L);
		assertThat(byType.get("HELP")).isBetween(100L, 260L);
		assertThat(count("""
				select count(*) from request.service_request where site_id = any(:sites)
				  and registered_at < now() - interval '30 days' and status <> 'CLOSED'""", siteIds))
			.as("old requests nearly all closed")
			.isLessThan(count("select count(*) / 20 from request.service_request where site_id = any(:sites)", siteIds));

		GeneratedSite site = data.biggest();
		CurrentUser user = staff.current(site.agents().get(0));
		long household = jdbc.sql("select min(id) from directory.household where site_id = :site")
			.param("site", site.id())
			.query(Long.class)
			.single();
		long category = requests.categories(RequestType.REPAIR).get(0).id();
		int lastToday = jdbc.sql("select coalesce(max(last), 0) from request.request_number where site_id = :site and day = :day")
			.param("site", site.id())
			.param("day", LocalDate.now(clock))
			.query(Integer.class)
			.single();
		Registration registration = requests.register(user, new NewRequest(site.id(), RequestType.REPAIR, category,
				Channel.PHONE, Priority.NORMAL, false, household, null, null, false, null, null, null, "厨房水管滴水", null), null);
		assertThat(registration.number()).isEqualTo(site.code() + "-"
				+ LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyMMdd")) + "-" + String.format("%04d", lastToday + 1));
		assertThat(queueCountDrift(siteIds)).as("the counter trigger works again after generation").isZero();
		assertThat(new HttpTestClient(port).withBasic(user.username(), data.password())
			.get("/api/v1/requests?queue=MINE&size=5")
			.statusCode()).isEqualTo(200);
	}

	private long queueCountDrift(Long[] siteIds) {
		return count("""
				select count(*) from (
				    select site_id, owner_id, status, major, count(*) as count from request.service_request
				    where site_id = any(:sites) group by grouping sets ((site_id, owner_id, status, major), (site_id, status, major))) c
				full join (select * from request.queue_count where site_id = any(:sites) and count <> 0) q
				  on q.site_id = c.site_id and q.owner_id = coalesce(c.owner_id, 0) and q.status = c.status and q.major = c.major
				where q.count is distinct from c.count""", siteIds);
	}

	private long count(String sql, Long[] sites) {
		return jdbc.sql(sql).param("sites", sites).query(Long.class).single();
	}
}
