package io.kefu.directory.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.security.AccountManagement;
import io.kefu.security.Role;
import io.kefu.shared.IdNumber;
import io.kefu.shared.RoomCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@KefuIntegrationTest
class DemoCompanyTests {

	private static final Pattern STAFF_LINE = Pattern
		.compile("^    (D\\d{4})  ([A-Z_]+) \\(.+\\)  password: (\\S+)$", Pattern.MULTILINE);

	@Autowired
	DemoCompany demo;

	@Autowired
	MessageSource messages;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	/** One test: the demo loads into the shared test database once, so its checks go together. */
	@Test
	void loadsTheDemoCompanyOnceWithAPasswordLinePerStaffMember() {
		long started = System.nanoTime();
		String firstOutput = run();
		long millis = (System.nanoTime() - started) / 1_000_000;
		Map<String, Long> afterFirst = counts();

		assertThat(millis).as("load time in ms").isLessThan(15_000);
		placesAndHouseholds(afterFirst);
		Map<String, String> passwords = staffAndPasswords(firstOutput);
		demoStaffCanSignIn(passwords);

		assertThat(run()).as("second load prints nothing").isEmpty();
		assertThat(demo.load()).isEmpty();
		assertThat(counts()).as("second load adds nothing").isEqualTo(afterFirst);
	}

	private void placesAndHouseholds(Map<String, Long> counts) {
		assertThat(counts.get("sites")).isEqualTo(2);
		assertThat(counts.get("estateBuildings")).isGreaterThanOrEqualTo(3);
		assertThat(counts.get("estateRooms")).isGreaterThanOrEqualTo(300);
		assertThat(counts.get("towerRooms")).isGreaterThan(0);
		double rooms = counts.get("rooms");
		assertThat(counts.get("occupiedRooms") / rooms).as("rooms whose household lives there").isCloseTo(0.85,
				within(0.05));
		assertThat(counts.get("linkedRooms") / rooms).as("rooms with a household").isCloseTo(0.85, within(0.05));
		assertThat(counts.get("householdsOutside1to3People")).isZero();
		assertThat(counts.get("householdsWithoutRoom")).isZero();
		assertThat(counts.get("entrancesPerBuilding")).isEqualTo(2);
		assertThat(counts.get("publicAreas")).isGreaterThanOrEqualTo(10);

		List<String> states = jdbc.sql("select distinct h.state from directory.household h " + DEMO_SITE_JOIN + " order by 1")
			.query(String.class)
			.list();
		assertThat(states).containsExactly("OCCUPIED", "RENOVATING", "VACANT");
		List<String> roles = jdbc.sql("select distinct p.role from directory.person p " + DEMO_PERSON_JOIN + " order by 1")
			.query(String.class)
			.list();
		assertThat(roles).containsExactly("FAMILY", "OWNER", "SHOP_TENANT", "TENANT");
		assertThat(jdbc.sql("select r.code from directory.room r join directory.site s on s.id = r.site_id where s.code = 'BA01'")
			.query(String.class)
			.list()).contains("180#1-3-2", "183#2-11-4").allSatisfy(RoomCode::new);
		List<String> phones = jdbc.sql("select p.phone from directory.person p " + DEMO_PERSON_JOIN + " where p.phone is not null")
			.query(String.class)
			.list();
		assertThat(phones).isNotEmpty().allMatch(p -> p.matches("1[3-9]\\d{9}")).doesNotHaveDuplicates();
		List<String> idNumbers = jdbc
			.sql("select p.id_number from directory.person p " + DEMO_PERSON_JOIN + " where p.id_number is not null")
			.query(String.class)
			.list();
		assertThat(idNumbers).hasSizeGreaterThan(100).allSatisfy(IdNumber::new);
		assertThat(jdbc.sql("""
				select count(*) from directory.household h join directory.site s on s.id = h.site_id
				where s.code = 'BB01' and h.name like '%公司'""").query(Long.class).single()).isGreaterThan(10);
		assertThat(jdbc.sql("select name from directory.department").query(String.class).list()).contains("客服部", "工程部",
				"保安部", "保洁部", "绿化部", "财务部", "品质部");
		assertThat(jdbc.sql("select count(*) from directory.department where kind = 'CONTRACTOR'")
			.query(Long.class)
			.single()).isPositive();
	}

	private Map<String, String> staffAndPasswords(String output) {
		Matcher matcher = STAFF_LINE.matcher(output);
		Map<String, String> passwords = new LinkedHashMap<>();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		while (matcher.find()) {
			passwords.put(matcher.group(1), matcher.group(3));
			roles.add(Role.valueOf(matcher.group(2)));
		}
		assertThat(roles).as("every role has a demo staff member").containsExactlyInAnyOrder(Role.values());
		long staff = jdbc.sql("select count(*) from directory.staff_member where staff_number like 'D____'")
			.query(Long.class)
			.single();
		assertThat(passwords).as("one line per staff member").hasSize((int) staff);
		assertThat(output.lines().filter(l -> l.contains("password:")).count()).isEqualTo(staff);
		assertThat(Set.copyOf(passwords.values())).as("no shared default password").hasSize(passwords.size());
		assertThat(jdbc.sql("select count(*) from directory.staff_member where staff_number like 'D____' and backup_id is not null")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
		List<Long> adminSites = accounts.findByUsername("admin").orElseThrow().siteIds();
		assertThat(adminSites).containsAll(jdbc.sql("select id from directory.site where code in ('BA01', 'BB01')")
			.query(Long.class)
			.list());
		return passwords;
	}

	private void demoStaffCanSignIn(Map<String, String> passwords) {
		String agent = jdbc.sql("""
				select a.username from security.account a where a.username like 'D____' and a.roles = '{AGENT}'
				order by a.username limit 1""").query(String.class).single();
		var response = new HttpTestClient(port).withBasic(agent, passwords.get(agent)).get("/api/v1/sites");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("BA01");
	}

	private String run() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8)) {
			new DemoCompanyRunner(demo, messages, console).run(new DefaultApplicationArguments());
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static final String DEMO_SITE_JOIN = "join directory.site s on s.id = h.site_id and s.code in ('BA01', 'BB01')";

	private static final String DEMO_PERSON_JOIN = "join directory.site s on s.id = p.site_id and s.code in ('BA01', 'BB01')";

	private Map<String, Long> counts() {
		String demoSites = "(select id from directory.site where code in ('BA01', 'BB01'))";
		Map<String, String> queries = Map.ofEntries(
				Map.entry("sites", "select count(*) from directory.site where id in " + demoSites),
				Map.entry("estateBuildings",
						"select count(*) from directory.building b join directory.site s on s.id = b.site_id where s.code = 'BA01'"),
				Map.entry("estateRooms",
						"select count(*) from directory.room r join directory.site s on s.id = r.site_id where s.code = 'BA01'"),
				Map.entry("towerRooms",
						"select count(*) from directory.room r join directory.site s on s.id = r.site_id where s.code = 'BB01'"),
				Map.entry("rooms", "select count(*) from directory.room where site_id in " + demoSites),
				Map.entry("linkedRooms", "select count(*) from directory.household_room hr join directory.room r on r.id = hr.room_id where r.site_id in " + demoSites),
				Map.entry("occupiedRooms", """
						select count(*) from directory.household_room hr join directory.household h on h.id = hr.household_id
						where h.state = 'OCCUPIED' and h.site_id in """ + demoSites),
				Map.entry("households", "select count(*) from directory.household where site_id in " + demoSites),
				Map.entry("people", "select count(*) from directory.person where site_id in " + demoSites),
				Map.entry("householdsOutside1to3People", """
						select count(*) from directory.household h where h.site_id in """ + demoSites + """
						 and (select count(*) from directory.person p where p.household_id = h.id) not between 1 and 3"""),
				Map.entry("householdsWithoutRoom", """
						select count(*) from directory.household h where h.site_id in """ + demoSites + """
						 and not exists (select 1 from directory.household_room hr where hr.household_id = h.id)"""),
				Map.entry("entrancesPerBuilding", """
						select min(n) from (select count(distinct r.entrance) as n from directory.room r
						join directory.site s on s.id = r.site_id where s.code = 'BA01' group by r.building_id) e"""),
				Map.entry("publicAreas", "select count(*) from directory.public_area where site_id in " + demoSites),
				Map.entry("departments", "select count(*) from directory.department"),
				Map.entry("staff", "select count(*) from directory.staff_member"),
				Map.entry("accounts", "select count(*) from security.account"));
		return queries.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> jdbc.sql(e.getValue()).query(Long.class).single()));
	}
}
