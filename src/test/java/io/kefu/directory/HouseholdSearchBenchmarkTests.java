package io.kefu.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.domain.Households;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search box at 100,000 households (200,000 people): each kind of query as the
 * page's htmx request (signed-in session) and through the service, beside the bare SQL
 * lookup as the baseline. Run with
 * {@code mvn -q test -Dtest=HouseholdSearchBenchmarkTests -Dkefu.benchmark=true}.
 */
@KefuIntegrationTest
@EnabledIfSystemProperty(named = "kefu.benchmark", matches = "true")
class HouseholdSearchBenchmarkTests {

	static final int HOUSEHOLDS = 100_000;

	static final int RUNS = 300;

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Households households;

	@Autowired
	JdbcClient jdbc;

	@Test
	void searchStaysUnder50MillisecondsAt100kHouseholds() {
		SiteAndAdmin site = staff.site();
		long siteId = site.site().id();
		long started = System.nanoTime();
		generate(siteId);
		System.out.printf("generated %,d households in %.1f s%n", HOUSEHOLDS, (System.nanoTime() - started) / 1e9);
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(siteId));
		HttpTestClient box = new HttpTestClient(port);
		box.signIn(agent.username(), agent.password());
		Random random = new Random(7);

		record Kind(String name, Supplier<String> query, String baselineSql) {
		}
		List<Kind> kinds = List.of(
				new Kind("phone last four", () -> String.format("%04d", random.nextInt(10_000)),
						"select household_id from directory.person where phone_last4 = ? and site_id = any(?) limit 20"),
				new Kind("whole phone", () -> phone(1 + random.nextInt(HOUSEHOLDS)),
						"select household_id from directory.person where phone = ? and site_id = any(?) limit 20"),
				new Kind("room code", () -> "B" + (1 + random.nextInt(100)) + "#" + (1 + random.nextInt(4)) + "-"
						+ (1 + random.nextInt(25)) + "-" + (1 + random.nextInt(10)),
						"select hr.household_id from directory.room r join directory.household_room hr on hr.room_id = r.id where r.code like ? || '%' and r.site_id = any(?) limit 20"),
				new Kind("name prefix", () -> SURNAMES[random.nextInt(SURNAMES.length)]
						+ GIVEN[random.nextInt(GIVEN.length)].charAt(0),
						"select household_id from directory.person where name like ? || '%' and site_id = any(?) limit 20"));

		System.out.println("| query | search box over HTTP p50 / p95 (ms) | service p50 / p95 (ms) | bare SQL p50 / p95 (ms) |");
		System.out.println("|---|---|---|---|");
		for (Kind kind : kinds) {
			List<String> queries = new ArrayList<>();
			for (int i = 0; i < RUNS; i++) {
				queries.add(kind.query().get());
			}
			double[] http = time(queries, q -> assertThat(box.getFragment("/households?q="
					+ java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).body()).contains("results"));
			double[] service = time(queries, q -> households.search(agent.user(), q));
			double[] bare = time(queries, q -> jdbc.sql(kind.baselineSql()).params(q, agent.user().sites()).query(Long.class).list());
			System.out.printf("| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f |%n", kind.name(), http[0], http[1],
					service[0], service[1], bare[0], bare[1]);
			assertThat(http[1]).as(kind.name() + " p95 over HTTP").isLessThan(50);
		}
		for (String plan : List.of(
				"explain select household_id from directory.person where phone_last4 = '1234' and site_id = any('{%d}')",
				"explain select household_id from directory.person where phone = '13800001234' and site_id = any('{%d}')",
				"explain select household_id from directory.person where name like '司马浩%%' and site_id = any('{%d}') limit 20",
				"explain select id from directory.room r where r.code like 'B7#1-2%%' and r.site_id = any('{%d}')")) {
			String explained = String.join("\n", jdbc.sql(String.format(plan, siteId)).query(String.class).list());
			System.out.println(explained);
			assertThat(explained).doesNotContain("Seq Scan");
		}
	}

	private void generate(long siteId) {
		jdbc.sql("insert into directory.building (site_id, code, name) select :site, 'B' || g, 'B' || g || '幢' from generate_series(1, 100) g")
			.param("site", siteId)
			.update();
		jdbc.sql("""
				insert into directory.room (site_id, building_id, code, entrance, floor, number)
				select :site, b.id, b.code || '#' || e || '-' || f || '-' || n, e, f, n
				from directory.building b, generate_series(1, 4) e, generate_series(1, 25) f, generate_series(1, 10) n
				where b.site_id = :site""")
			.param("site", siteId)
			.update();
		jdbc.sql("""
				insert into directory.household (site_id, name, state)
				select :site, (:surnames)[1 + g % cardinality(:surnames)] || (:given)[1 + (g / 7) % cardinality(:given)], 'OCCUPIED'
				from generate_series(1, :n) g""")
			.param("site", siteId)
			.param("surnames", SURNAMES)
			.param("given", GIVEN)
			.param("n", HOUSEHOLDS)
			.update();
		jdbc.sql("""
				insert into directory.household_room (household_id, room_id)
				select h.id, r.id
				from (select id, row_number() over (order by id) rn from directory.household where site_id = :site) h
				join (select id, row_number() over (order by id) rn from directory.room where site_id = :site) r using (rn)""")
			.param("site", siteId)
			.update();
		jdbc.sql("""
				insert into directory.person (household_id, site_id, name, role, phone)
				select h.id, :site, h.name, 'OWNER', '13' || lpad(((h.rn * 7919) % 1000000000)::text, 9, '0')
				from (select id, name, row_number() over (order by id) rn from directory.household where site_id = :site) h
				union all
				select h.id, :site, (:surnames)[1 + (h.rn + 3) % cardinality(:surnames)] || '小' || (:given)[1 + h.rn % cardinality(:given)],
				       'FAMILY', '15' || lpad(((h.rn * 104729) % 1000000000)::text, 9, '0')
				from (select id, row_number() over (order by id) rn from directory.household where site_id = :site) h""")
			.param("site", siteId)
			.param("surnames", SURNAMES)
			.param("given", GIVEN)
			.update();
		jdbc.sql("analyze directory.person").update();
		jdbc.sql("analyze directory.room").update();
		jdbc.sql("analyze directory.household").update();
		jdbc.sql("analyze directory.household_room").update();
	}

	private static String phone(int rn) {
		return "13" + String.format("%09d", (rn * 7919L) % 1_000_000_000L);
	}

	private static double[] time(List<String> queries, java.util.function.Consumer<String> search) {
		queries.subList(0, 100).forEach(search);
		double[] millis = new double[queries.size()];
		for (int i = 0; i < queries.size(); i++) {
			long start = System.nanoTime();
			search.accept(queries.get(i));
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[millis.length / 2], millis[(int) (millis.length * 0.95)] };
	}

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "欧阳", "司马" };

	static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "志强", "玉兰", "晓东", "子涵", "浩然" };
}
