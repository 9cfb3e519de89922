package io.kefu.request;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.RequestDataGenerator.GeneratedSite;
import io.kefu.request.RequestDataGenerator.Result;
import io.kefu.request.RequestDataGenerator.Settings;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.Page;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Intake, the queues and the request page on a million requests (100 sites, 3 years),
 * each beside a baseline measured in the same run. Not a timed test: it prints the
 * tables for BENCHMARKS.md and fails only on wrong results (numbers with gaps, counters
 * that drifted) or a sequential scan of {@code service_request}. Run with
 * {@code mvn -q -B test -Dtest=RequestBenchmarkTests -Dkefu.benchmark=true}.
 */
@KefuIntegrationTest
@EnabledIfSystemProperty(named = "kefu.benchmark", matches = "true")
class RequestBenchmarkTests {

	static final int THREADS = 8;

	static final int INTAKE_SITES = 10;

	/** Requests to generate; {@code -Dkefu.benchmark.requests=100000} for a quick trial of the benchmark itself. */
	static final int REQUESTS = Integer.getInteger("kefu.benchmark.requests", 1_000_000);

	static final int INTAKES = Integer.getInteger("kefu.benchmark.intakes", 20_000);

	static final int KEYED_INTAKES = INTAKES / 4;

	static final int HTTP_INTAKES = Math.min(800, INTAKES / 10);

	static final int INTAKE_WARM_UP = 1_000;

	static final int READS = 500;

	static final int READ_WARM_UP = 100;

	static final int HTTP_READS = 100;

	static final int HTTP_WARM_UP = 10;

	static final double TARGET_RATE = 500;

	static final double TARGET_P99 = 100;

	static final double TARGET_PAGE_P95 = 50;

	static final String OPEN = "r.status not in ('RESOLVED', 'CLOSED')";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	QueueCounts counts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	StaffMother staff;

	SoftAssertions checks = new SoftAssertions();

	CpuShare cpu;

	@Test
	void intakeQueuesAndTheRequestPageOnAMillionRequests() throws Exception {
		cpu = new CpuShare(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
		CpuShare.Snapshot generation = cpu.now();
		Result data = new RequestDataGenerator(dataSource, passwordEncoder, clock).generate(Settings.million().withRequests(REQUESTS));
		printGeneration(data);
		System.out.println();
		System.out.println(cpu.othersSince(generation));
		// The load's dirty pages are written now, not by a checkpoint in the middle of a measurement.
		jdbc.sql("checkpoint").update();
		Readers readers = readers(data);
		List<PageRead> reads = pageReads(data, readers);
		Map<String, Stats> before = pages(readers, reads, true);
		plans(data, readers, name -> true, true);
		IntakeMix mix = intakeMix(data);
		intake(mix);
		withProposedIndexes(data, readers, reads, before, mix);
		checks.assertAll();
	}

	// ---------------------------------------------------------------- generation

	private void printGeneration(Result data) {
		System.out.println();
		System.out.println("## Generation");
		System.out.println();
		System.out.println("| phase | seconds |");
		System.out.println("|---|---|");
		data.phases().forEach((phase, took) -> System.out.printf("| %s | %.1f |%n", phase, took.toMillis() / 1000.0));
		System.out.printf("| **total** | **%.1f** |%n", data.total().toMillis() / 1000.0);
		System.out.println();
		System.out.printf("%d sites (%s…), %,d households, %,d requests, %,d history rows; busiest site %s with %,d requests%n",
				data.sites().size(), data.sites().get(0).code(), data.households(), data.requests(), data.historyRows(),
				data.biggest().code(), data.biggest().requests());
		System.out.println("PostgreSQL: " + jdbc.sql("""
				select version() || '; ' || string_agg(name || '=' || current_setting(name), ', ' order by name)
				from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers',
				                                'work_mem', 'max_wal_size', 'plan_cache_mode')""").query(String.class).single());
		Long[] sites = data.sites().stream().map(GeneratedSite::id).toArray(Long[]::new);
		printDistribution("type", "type", sites);
		printDistribution("channel", "channel", sites);
		printDistribution("status (registered more than 30 days ago)", "status", sites, "registered_at < now() - interval '30 days'");
		printDistribution("status (last 30 days)", "status", sites, "registered_at >= now() - interval '30 days'");
		printDistribution("priority", "priority", sites);
		System.out.printf("major complaints: %,d; open requests: %,d; table sizes: %s%n",
				jdbc.sql("select count(*) from request.service_request where major and site_id = any(:sites)")
					.param("sites", sites)
					.query(Long.class)
					.single(),
				jdbc.sql("select count(*) from request.service_request r where " + OPEN + " and site_id = any(:sites)")
					.param("sites", sites)
					.query(Long.class)
					.single(),
				jdbc.sql("""
						select string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)), ', ' order by relname)
						from pg_class c join pg_namespace n on n.oid = c.relnamespace
						where n.nspname = 'request' and c.relname in ('service_request', 'request_history')""")
					.query(String.class)
					.single());
	}

	private void printDistribution(String title, String column, Long[] sites, String... where) {
		String filter = where.length == 0 ? "" : " and " + where[0];
		String shares = jdbc.sql("select " + column + " as v, count(*) as n, sum(count(*)) over () as total "
				+ "from request.service_request where site_id = any(:sites)" + filter + " group by 1 order by 2 desc")
			.param("sites", sites)
			.query((rs, n) -> String.format("%s %.1f%%", rs.getString("v"), 100.0 * rs.getLong("n") / rs.getLong("total")))
			.list()
			.stream()
			.collect(Collectors.joining(", "));
		System.out.printf("%s: %s%n", title, shares);
	}

	// ---------------------------------------------------------------- reading

	/** Who reads: the busiest site's supervisor, its agent and technician with the most open work, and a company-wide supervisor. */
	record Readers(GeneratedSite site, CurrentUser supervisor, CurrentUser agent, CurrentUser technician,
			TestUser headOffice, List<Long> requestIds, long openRequests) {
	}

	private Readers readers(Result data) {
		GeneratedSite site = data.biggest();
		long agent = jdbc.sql("""
				select owner_id from request.queue_count
				where site_id = :site and owner_id <> 0 and status not in ('RESOLVED', 'CLOSED')
				group by owner_id order by sum(count) desc limit 1""")
			.param("site", site.id())
			.query(Long.class)
			.single();
		long technician = jdbc.sql("select assignee_id from request.service_request r "
				+ "where site_id = :site and assignee_id = any(:technicians) and " + OPEN
				+ " group by assignee_id order by count(*) desc limit 1")
			.param("site", site.id())
			.param("technicians", site.technicians().toArray(Long[]::new))
			.query(Long.class)
			.single();
		List<Long> siteIds = data.sites().stream().map(GeneratedSite::id).toList();
		TestUser headOffice = staff.user(EnumSet.of(Role.SUPERVISOR), siteIds);
		// Pages people open: half of them open requests, half any request of the site.
		List<Long> ids = new ArrayList<>(jdbc.sql("select id from request.service_request r where site_id = :site and "
				+ OPEN + " order by random() limit 250").param("site", site.id()).query(Long.class).list());
		ids.addAll(jdbc.sql("select id from request.service_request where site_id = :site order by random() limit 250")
			.param("site", site.id())
			.query(Long.class)
			.list());
		Collections.shuffle(ids, new Random(3));
		long open = jdbc.sql("select coalesce(sum(count), 0) from request.queue_count where site_id = :site and owner_id = 0 and status not in ('RESOLVED', 'CLOSED')")
			.param("site", site.id())
			.query(Long.class)
			.single();
		return new Readers(site, user(site.supervisor()), user(agent), user(technician), headOffice, ids, open);
	}

	private CurrentUser user(long accountId) {
		AccountSummary account = accounts.findById(accountId).orElseThrow();
		return new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
				account.siteIds());
	}

	record PageRead(String name, IntFunction<Object> service, IntFunction<String> path, String username,
			String password) {
	}

	private List<PageRead> pageReads(Result data, Readers r) {
		long site = r.site().id();
		CurrentUser hq = r.headOffice().user();
		String openCursor = requests.queue(r.supervisor(), Queue.OPEN, site, null, null).nextCursor();
		String hqCursor = requests.queue(hq, Queue.OPEN, null, null, null).nextCursor();
		String pw = data.password();
		List<PageRead> reads = new ArrayList<>(List.of(
				new PageRead("queue OPEN, busiest site, first page",
						i -> requests.queue(r.supervisor(), Queue.OPEN, site, null, null),
						i -> "/api/v1/requests?queue=OPEN&site=" + site, r.supervisor().username(), pw),
				new PageRead("queue OPEN, busiest site, page 2",
						i -> requests.queue(r.supervisor(), Queue.OPEN, site, openCursor, null),
						i -> "/api/v1/requests?queue=OPEN&site=" + site + "&cursor=" + openCursor, r.supervisor().username(), pw),
				new PageRead("queue MINE (agent with the most open requests)",
						i -> requests.queue(r.agent(), Queue.MINE, null, null, null),
						i -> "/api/v1/requests?queue=MINE", r.agent().username(), pw),
				new PageRead("queue UNASSIGNED, busiest site",
						i -> requests.queue(r.supervisor(), Queue.UNASSIGNED, site, null, null),
						i -> "/api/v1/requests?queue=UNASSIGNED&site=" + site, r.supervisor().username(), pw),
				new PageRead("queue WAITING, busiest site",
						i -> requests.queue(r.supervisor(), Queue.WAITING, site, null, null),
						i -> "/api/v1/requests?queue=WAITING&site=" + site, r.supervisor().username(), pw),
				new PageRead("queue MAJOR, busiest site",
						i -> requests.queue(r.supervisor(), Queue.MAJOR, site, null, null),
						i -> "/api/v1/requests?queue=MAJOR&site=" + site, r.supervisor().username(), pw),
				new PageRead("queue JOBS (technician with the most open jobs)",
						i -> requests.queue(r.technician(), Queue.JOBS, null, null, null),
						i -> "/api/v1/requests?queue=JOBS", r.technician().username(), pw),
				new PageRead("queue OPEN, all 100 sites (head office), first page",
						i -> requests.queue(hq, Queue.OPEN, null, null, null),
						i -> "/api/v1/requests?queue=OPEN", hq.username(), r.headOffice().password()),
				new PageRead("queue OPEN, all 100 sites (head office), page 2",
						i -> requests.queue(hq, Queue.OPEN, null, hqCursor, null),
						i -> "/api/v1/requests?queue=OPEN&cursor=" + hqCursor, hq.username(), r.headOffice().password()),
				new PageRead("queue counts, busiest site", i -> counts.of(r.supervisor(), site),
						i -> "/api/v1/requests/counts?site=" + site, r.supervisor().username(), pw),
				new PageRead("queue counts, all 100 sites (head office)", i -> counts.of(hq, null),
						i -> "/api/v1/requests/counts", hq.username(), r.headOffice().password()),
				new PageRead("request page (details with history)",
						i -> requests.details(r.supervisor(), r.requestIds().get(i % r.requestIds().size())),
						i -> "/api/v1/requests/" + r.requestIds().get(i % r.requestIds().size()), r.supervisor().username(), pw)));
		// A second page exists only when the queue holds more than one page.
		reads.removeIf(read -> read.name().endsWith("page 2") && read.path().apply(0).endsWith("cursor=null"));
		return reads;
	}

	/** Each page in-process (server time) and, when asked, over HTTP with HTTP Basic; the in-process figures by page. */
	private Map<String, Stats> pages(Readers r, List<PageRead> reads, boolean overHttp) {
		Map<String, Stats> measured = new LinkedHashMap<>();
		System.out.println();
		System.out.printf("## Queues and the request page (busiest site %s: %,d requests, %,d open)%n", r.site().code(),
				r.site().requests(), r.openRequests());
		System.out.println();
		System.out.println("Server time is the service call in the same JVM (what a page session pays besides the web stack); "
				+ "over HTTP every call is an API call with HTTP Basic, which checks the BCrypt hash each time.");
		System.out.println();
		CpuShare.Snapshot started = cpu.now();
		System.out.println("| page | rows | service p50 / p95 / p99 (ms) | HTTP Basic p50 / p95 (ms) | p95 ≤ 50 ms (server) |");
		System.out.println("|---|---|---|---|---|");
		Map<String, HttpTestClient> clients = new HashMap<>();
		for (PageRead read : reads) {
			Object sample = read.service().apply(0);
			int rows = sample instanceof Page<?> page ? page.items().size()
					: sample instanceof ServiceRequestDetails details ? details.history().size() : 1;
			Stats service = sequential(READ_WARM_UP, READS, read.service()::apply);
			measured.put(read.name(), service);
			String http = "not measured";
			if (overHttp) {
				HttpTestClient client = clients.computeIfAbsent(read.username(),
						u -> new HttpTestClient(port).withBasic(u, read.password()));
				Stats stats = sequential(HTTP_WARM_UP, HTTP_READS, i -> {
					HttpResponse<String> response = client.get(read.path().apply(i));
					if (response.statusCode() != 200) {
						throw new AssertionError(read.path().apply(i) + " → " + response.statusCode() + " " + response.body());
					}
				});
				http = String.format("%.1f / %.1f", stats.p50(), stats.p95());
			}
			System.out.printf("| %s | %s | %.2f / %.2f / %.2f | %s | %s |%n", read.name(),
					sample instanceof ServiceRequestDetails ? rows + " history rows" : rows, service.p50(), service.p95(),
					service.p99(), http, service.p95() <= TARGET_PAGE_P95 ? "yes" : "**no**");
		}
		System.out.println();
		System.out.println(cpu.othersSince(started));
		if (overHttp) {
			String hash = jdbc.sql("select password_hash from security.account where id = :id")
				.param("id", r.supervisor().accountId())
				.query(String.class)
				.single();
			Stats bcrypt = sequential(5, 50, i -> passwordEncoder.matches(reads.get(0).password(), hash));
			System.out.println();
			System.out.printf("BCrypt check of one HTTP Basic password alone (the same hash, in-process): p50 %.1f ms, p95 %.1f ms%n",
					bcrypt.p50(), bcrypt.p95());
		}
		return measured;
	}

	// ---------------------------------------------------------------- plans

	/**
	 * The queue query as ServiceRequestManagement.queue builds it, with $1 … $5: the
	 * queue's own condition comes from {@link Queue}, the rest is copied by hand.
	 */
	private static String queueSql(Queue queue) {
		String order = queue == Queue.JOBS ? "r.appointment nulls last, r.id desc" : "r.id desc";
		return """
				select r.id, r.site_id, r.number, r.type, c.name as category_name, r.channel, r.priority, r.major, r.status,
				       r.place, r.description, r.owner_id, r.registered_at
				from request.service_request r left join request.category c on c.id = r.category_id
				where r.site_id = any($1) and (cast($2 as bigint) is null or r.site_id = $2)
				  and r.status not in ('RESOLVED', 'CLOSED') and r.id < $4""" + " and "
				+ queue.condition().replace(":me", "$3") + " order by " + order + " limit $5";
	}

	private void plans(Result data, Readers r, Predicate<String> which, boolean printFull)
			throws SQLException {
		String busiest = "'{" + r.site().id() + "}'";
		String all = "'{" + data.sites().stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining(",")) + "}'";
		String max = String.valueOf(Long.MAX_VALUE);
		long page = r.requestIds().get(0);
		record Plan(String name, String sql, String types, String args, boolean print) {
		}
		String queueTypes = "bigint[], bigint, bigint, bigint, int";
		List<Plan> plans = List.of(
				new Plan("queue OPEN, busiest site", queueSql(Queue.OPEN), queueTypes,
						busiest + ", " + r.site().id() + ", 0, " + max + ", 51", true),
				new Plan("queue MINE", queueSql(Queue.MINE), queueTypes,
						busiest + ", null, " + r.agent().accountId() + ", " + max + ", 51", true),
				new Plan("queue UNASSIGNED, busiest site", queueSql(Queue.UNASSIGNED), queueTypes,
						busiest + ", " + r.site().id() + ", 0, " + max + ", 51", false),
				new Plan("queue WAITING, busiest site", queueSql(Queue.WAITING), queueTypes,
						busiest + ", " + r.site().id() + ", 0, " + max + ", 51", false),
				new Plan("queue MAJOR, busiest site", queueSql(Queue.MAJOR), queueTypes,
						busiest + ", " + r.site().id() + ", 0, " + max + ", 51", false),
				new Plan("queue JOBS", queueSql(Queue.JOBS), queueTypes,
						busiest + ", null, " + r.technician().accountId() + ", " + max + ", 51", false),
				new Plan("queue OPEN, all 100 sites", queueSql(Queue.OPEN), queueTypes,
						all + ", null, 0, " + max + ", 51", false),
				new Plan("request page: the request", """
						select r.*, c.name as category_name from request.service_request r
						left join request.category c on c.id = r.category_id where r.id = $1 and r.site_id = any($2)""",
						"bigint, bigint[]", page + ", " + busiest, false),
				new Plan("request page: its history", """
						select occurred_at, actor_name, action, from_status, to_status, note from request.request_history
						where request_id = $1 order by id desc""", "bigint", String.valueOf(page), false),
				new Plan("queue counts: JOBS count, all 100 sites", """
						select count(*) from request.service_request
						where assignee_id = $1 and status not in ('RESOLVED', 'CLOSED') and site_id = any($2)""",
						"bigint, bigint[]", r.technician().accountId() + ", " + all, false));
		System.out.println();
		System.out.println("### Plans (EXPLAIN ANALYZE, BUFFERS), custom and generic");
		System.out.println();
		System.out.println("| query | plan | scans | rows out | shared buffers | ms |");
		System.out.println("|---|---|---|---|---|---|");
		List<String> printed = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (Plan plan : plans.stream().filter(p -> which.test(p.name())).toList()) {
				statement.execute("prepare bench_q(" + plan.types() + ") as " + plan.sql());
				for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
					statement.execute("set plan_cache_mode = " + mode);
					List<String> lines = new ArrayList<>();
					try (ResultSet rs = statement.executeQuery("explain (analyze, buffers) execute bench_q(" + plan.args() + ")")) {
						while (rs.next()) {
							lines.add(rs.getString(1));
						}
					}
					String text = String.join("\n", lines);
					String kind = mode.contains("custom") ? "custom" : "generic";
					System.out.printf("| %s | %s | %s | %s | %s | %s |%n", plan.name(), kind, scans(lines),
							actualRows(lines.get(0)), buffers(lines), lines.stream()
								.filter(l -> l.startsWith("Execution Time"))
								.map(l -> l.replaceAll("[^0-9.]", ""))
								.findFirst()
								.orElse("?"));
					if (plan.print() && printFull) {
						printed.add("### " + plan.name() + " (" + kind + " plan)\n\n```\n" + plan.sql() + "\n\n" + text + "\n```\n");
					}
					checks.assertThat(text).as(plan.name() + " (" + kind + " plan)").doesNotContain("Seq Scan on service_request");
				}
				statement.execute("deallocate bench_q");
			}
			statement.execute("reset plan_cache_mode");
		}
		System.out.println();
		printed.forEach(System.out::println);
	}

	private static String scans(List<String> lines) {
		return lines.stream()
			.map(String::strip)
			.map(l -> l.startsWith("->") ? l.substring(2).strip() : l)
			.filter(l -> l.contains("Scan") && !l.startsWith("Buffers"))
			.map(l -> l.replaceAll("\\s*\\(cost.*", "").replaceAll(" using ", " ").replace(" on ", " "))
			.collect(Collectors.joining("; "));
	}

	private static String actualRows(String top) {
		Matcher m = Pattern.compile("actual time=\\S+ rows=(\\d+)").matcher(top);
		return m.find() ? m.group(1) : "?";
	}

	private static String buffers(List<String> lines) {
		return lines.stream()
			.map(String::strip)
			.filter(l -> l.startsWith("Buffers:"))
			.findFirst()
			.map(l -> l.substring("Buffers:".length()).strip())
			.orElse("-");
	}

	// ---------------------------------------------------------------- intake

	/** One call as an agent takes it: who, where, what; the number's site code for the baseline. */
	record Intake(GeneratedSite site, CurrentUser agent, NewRequest input, String place) {

		boolean answered() {
			return input.answer() != null;
		}
	}

	record Household(long id, long roomId, String roomCode, String owner, String phone) {
	}

	/** The intake sites, the password of their agents, and calls drawn from the same mix as the generated data. */
	record IntakeMix(List<GeneratedSite> sites, String password, IntFunction<List<Intake>> calls) {
	}

	private IntakeMix intakeMix(Result data) {
		List<GeneratedSite> sites = data.sites().subList(40, 40 + INTAKE_SITES);
		Map<Long, List<CurrentUser>> agents = new HashMap<>();
		Map<Long, List<Household>> households = new HashMap<>();
		Map<Long, List<Long>> areas = new HashMap<>();
		for (GeneratedSite site : sites) {
			agents.put(site.id(), site.agents().stream().map(this::user).toList());
			households.put(site.id(), jdbc.sql("""
					select h.id, hr.room_id, r.code, p.name, p.phone from directory.household h
					join directory.household_room hr on hr.household_id = h.id join directory.room r on r.id = hr.room_id
					join directory.person p on p.household_id = h.id and p.role = 'OWNER'
					where h.site_id = :site order by h.id""")
				.param("site", site.id())
				.query((rs, n) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list());
			areas.put(site.id(), jdbc.sql("select id from directory.public_area where site_id = :site order by id")
				.param("site", site.id())
				.query(Long.class)
				.list());
		}
		Map<RequestType, List<Long>> categories = new HashMap<>();
		for (RequestType type : RequestType.values()) {
			List<Category> all = requests.categories(type);
			categories.put(type, all.stream()
				.filter(c -> all.stream().noneMatch(child -> Long.valueOf(c.id()).equals(child.parentId())))
				.map(Category::id)
				.toList());
		}
		Map<Long, String> areaNames = new HashMap<>();
		jdbc.sql("select id, name from directory.public_area where site_id = any(:sites)")
			.param("sites", sites.stream().map(GeneratedSite::id).toArray(Long[]::new))
			.query(rs -> {
				areaNames.put(rs.getLong(1), rs.getString(2));
			});
		Random random = new Random(11);
		IntFunction<List<Intake>> calls = n -> {
			List<Intake> list = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				GeneratedSite site = sites.get(random.nextInt(sites.size()));
				List<CurrentUser> siteAgents = agents.get(site.id());
				CurrentUser agent = siteAgents.get(random.nextInt(siteAgents.size()));
				List<Household> siteHouseholds = households.get(site.id());
				Household household = siteHouseholds.get(random.nextInt(siteHouseholds.size()));
				double u = random.nextDouble();
				RequestType type = u < 0.45 ? RequestType.REPAIR : u < 0.70 ? RequestType.INQUIRY
						: u < 0.82 ? RequestType.COMPLAINT : u < 0.87 ? RequestType.SUGGESTION
								: u < 0.92 ? RequestType.PRAISE : u < 0.97 ? RequestType.PAID_SERVICE : RequestType.HELP;
				List<Long> typeCategories = categories.get(type);
				long category = typeCategories.get(random.nextInt(typeCategories.size()));
				double c = random.nextDouble();
				Channel channel = c < 0.6 ? Channel.PHONE : c < 0.85 ? Channel.VISIT : Channel.ONLINE;
				boolean inRoom = type == RequestType.PAID_SERVICE || (type == RequestType.REPAIR && random.nextDouble() < 0.7);
				boolean inArea = !inRoom && (type == RequestType.REPAIR || (type == RequestType.COMPLAINT && random.nextBoolean()));
				Long area = inArea ? areas.get(site.id()).get(random.nextInt(areas.get(site.id()).size())) : null;
				boolean answered = (type == RequestType.INQUIRY && random.nextDouble() < 0.75)
						|| (type == RequestType.PRAISE && random.nextDouble() < 0.85);
				List<String> phrases = RequestDataGenerator.phrases(type);
				Priority priority = type == RequestType.REPAIR && random.nextDouble() < 0.06 ? Priority.URGENT : Priority.NORMAL;
				boolean major = type == RequestType.COMPLAINT && random.nextDouble() < 0.01;
				NewRequest input = new NewRequest(site.id(), type, category, channel, priority, major, household.id(),
						household.owner(), household.phone(), false, inRoom ? household.roomId() : null, null, area,
						phrases.get(random.nextInt(phrases.size())), answered ? "已当场答复客户" : null);
				list.add(new Intake(site, agent, input, inRoom ? household.roomCode() : inArea ? areaNames.get(area) : ""));
			}
			return list;
		};
		return new IntakeMix(sites, data.password(), calls);
	}

	private void intake(IntakeMix mix) throws Exception {
		IntFunction<List<Intake>> calls = mix.calls();
		List<GeneratedSite> sites = mix.sites();
		CpuShare.Snapshot started = cpu.now();
		Stats warmBaseline = concurrently(calls.apply(INTAKE_WARM_UP), this::insertRaw);
		Stats warmService = concurrently(calls.apply(INTAKE_WARM_UP), i -> requests.register(i.agent(), i.input(), null));
		Stats baseline = concurrently(calls.apply(INTAKES), this::insertRaw);
		Stats service = concurrently(calls.apply(INTAKES), i -> requests.register(i.agent(), i.input(), null));
		Stats keyed = concurrently(calls.apply(KEYED_INTAKES),
				i -> requests.register(i.agent(), i.input(), UUID.randomUUID().toString()));
		Stats baselineAgain = concurrently(calls.apply(INTAKES), this::insertRaw);
		Map<String, HttpTestClient> clients = new ConcurrentHashMap<>();
		String password = mix.password();
		Stats overHttp = concurrently(calls.apply(HTTP_INTAKES), i -> {
			HttpTestClient http = clients.computeIfAbsent(i.agent().username(),
					u -> new HttpTestClient(port).withBasic(u, password));
			HttpResponse<String> response = http.postJson("/api/v1/requests", json(i.input()), UUID.randomUUID().toString());
			if (response.statusCode() != 201) {
				throw new AssertionError(response.statusCode() + " " + response.body());
			}
		});
		String hash = jdbc.sql("select password_hash from security.account where id = :id")
			.param("id", sites.get(0).agents().get(0))
			.query(String.class)
			.single();
		List<Intake> bcryptWork = calls.apply(400);
		Stats bcrypt = concurrently(bcryptWork, i -> passwordEncoder.matches(password, hash));

		System.out.println();
		System.out.printf("## Intake: %d callers (threads), %d sites, one transaction per request%n", THREADS, INTAKE_SITES);
		System.out.println();
		System.out.println("| intake | requests | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | rate vs. baseline | ≥ 500/s and p99 ≤ 100 ms |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		double reference = (baseline.perSecond() + baselineAgain.perSecond()) / 2;
		printIntake("raw JDBC baseline (before)", baseline, reference);
		printIntake("ServiceRequestManagement.register, in-process", service, reference);
		printIntake("register with an Idempotency-Key, in-process", keyed, reference);
		printIntake("raw JDBC baseline (after)", baselineAgain, reference);
		printIntake("POST /api/v1/requests, HTTP Basic + Idempotency-Key", overHttp, reference);
		printIntake("BCrypt password check alone (no request)", bcrypt, reference);
		System.out.printf("%nwarm-up (not counted): baseline %.0f/s, register %.0f/s; rate vs. baseline uses the mean of the two baseline runs (%.0f/s)%n",
				warmBaseline.perSecond(), warmService.perSecond(), reference);
		System.out.println(cpu.othersSince(started));
		checkIntake(sites);
	}

	/** Intake under concurrency leaves gap-free numbers and counters that match the rows. */
	private void checkIntake(List<GeneratedSite> sites) {
		String day = LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyMMdd"));
		for (GeneratedSite site : sites) {
			Map<String, Object> numbers = jdbc.sql("""
					select count(*) as requests, max(cast(split_part(number, '-', 3) as int)) as highest,
					       (select last from request.request_number where site_id = :site and day = :day) as last
					from request.service_request where site_id = :site and number like :prefix""")
				.param("site", site.id())
				.param("day", LocalDate.now(clock))
				.param("prefix", site.code() + "-" + day + "-%")
				.query()
				.singleRow();
			checks.assertThat(((Number) numbers.get("requests")).longValue())
				.as("today's numbers of %s run 1..n without gaps or duplicates", site.code())
				.isEqualTo(((Number) numbers.get("highest")).longValue())
				.isEqualTo(((Number) numbers.get("last")).longValue());
		}
		checks.assertThat(jdbc.sql("""
				select count(*) from (select site_id, status, major, count(*) as count from request.service_request
				                      where site_id = any(:sites) group by 1, 2, 3) c
				full join (select * from request.queue_count where owner_id = 0 and site_id = any(:sites) and count <> 0) q
				  using (site_id, status, major)
				where q.count is distinct from c.count""")
			.param("sites", sites.stream().map(GeneratedSite::id).toArray(Long[]::new))
			.query(Long.class)
			.single()).as("queue counters after concurrent intake").isZero();
	}

	/**
	 * The indexes this benchmark proposes for the request module (not part of the
	 * migrations; created here on the benchmark's own database only): the open requests
	 * of a site, of an owner and of an assignee, in the order the queues read them.
	 */
	static final List<String> PROPOSED_INDEXES = List.of("""
			create index service_request_open_site_idx on request.service_request (site_id, id)
			    where status not in ('RESOLVED', 'CLOSED')""", """
			create index service_request_open_owner_idx on request.service_request (owner_id, id)
			    where status not in ('RESOLVED', 'CLOSED')""", """
			create index service_request_open_assignee_idx on request.service_request (assignee_id, appointment, id desc)
			    where status not in ('RESOLVED', 'CLOSED') and assignee_id is not null""");

	/** The same pages, plans and intake again with {@link #PROPOSED_INDEXES} in place. */
	private void withProposedIndexes(Result data, Readers r, List<PageRead> reads, Map<String, Stats> before,
			IntakeMix mix) throws Exception {
		System.out.println();
		System.out.println("## With the proposed indexes (experiment on this database only)");
		System.out.println();
		for (String ddl : PROPOSED_INDEXES) {
			long start = System.nanoTime();
			jdbc.sql(ddl).update();
			System.out.printf("```%n%s;%n```%nbuilt in %.1f s%n%n", ddl.strip(), (System.nanoTime() - start) / 1e9);
		}
		jdbc.sql("analyze request.service_request").update();
		Map<String, Stats> after = pages(r, reads, false);
		System.out.println();
		System.out.println("| page | service p50 / p95 before (ms) | with the indexes (ms) |");
		System.out.println("|---|---|---|");
		before.forEach((name, stats) -> System.out.printf("| %s | %.2f / %.2f | %.2f / %.2f |%n", name, stats.p50(),
				stats.p95(), after.get(name).p50(), after.get(name).p95()));
		plans(data, r, name -> name.startsWith("queue"), false);
		CpuShare.Snapshot started = cpu.now();
		int n = INTAKES / 2;
		Stats baseline = concurrently(mix.calls().apply(n), this::insertRaw);
		Stats service = concurrently(mix.calls().apply(n), i -> requests.register(i.agent(), i.input(), null));
		System.out.println();
		System.out.println("| intake with the indexes | requests | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | rate vs. baseline | ≥ 500/s and p99 ≤ 100 ms |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		printIntake("raw JDBC baseline", baseline, baseline.perSecond());
		printIntake("ServiceRequestManagement.register, in-process", service, baseline.perSecond());
		System.out.println();
		System.out.println(cpu.othersSince(started));
		checkIntake(mix.sites());
	}

	private void printIntake(String name, Stats stats, double reference) {
		System.out.printf("| %s | %,d | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %s |%n", name, stats.n(), stats.perSecond(),
				stats.p50(), stats.p95(), stats.p99(), stats.max(), stats.perSecond() / reference,
				stats.perSecond() >= TARGET_RATE && stats.p99() <= TARGET_P99 ? "yes" : "**no**");
	}

	/**
	 * The same rows register writes, with plain JDBC and nothing else: the day's number
	 * (row lock per site and day), the request, its 受理 history row (and the closing row
	 * of an answered inquiry), in one transaction.
	 */
	private void insertRaw(Intake intake) {
		NewRequest in = intake.input();
		LocalDate today = LocalDate.now(clock);
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				int sequence;
				try (PreparedStatement ps = connection.prepareStatement("""
						insert into request.request_number (site_id, day, last) values (?, ?, 1)
						on conflict (site_id, day) do update set last = request_number.last + 1 returning last""")) {
					ps.setLong(1, in.siteId());
					ps.setObject(2, today);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						sequence = rs.getInt(1);
					}
				}
				String number = intake.site().code() + "-" + today.format(DateTimeFormatter.ofPattern("yyMMdd")) + "-"
						+ String.format("%04d", sequence);
				long id;
				try (PreparedStatement ps = connection.prepareStatement("""
						insert into request.service_request (site_id, number, type, category_id, channel, priority, major,
						    status, household_id, contact_name, contact_phone, anonymous, room_id, public_area_id, place,
						    description, resolution, owner_id, registered_at, closed_at, version)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) returning id""")) {
					ps.setLong(1, in.siteId());
					ps.setString(2, number);
					ps.setString(3, in.type().name());
					ps.setLong(4, in.categoryId());
					ps.setString(5, in.channel().name());
					ps.setString(6, in.priority().name());
					ps.setBoolean(7, in.major());
					ps.setString(8, intake.answered() ? "CLOSED" : "REGISTERED");
					ps.setObject(9, in.householdId());
					ps.setString(10, in.contactName());
					ps.setString(11, in.contactPhone());
					ps.setBoolean(12, false);
					ps.setObject(13, in.roomId());
					ps.setObject(14, in.publicAreaId());
					ps.setString(15, intake.place());
					ps.setString(16, in.description());
					ps.setString(17, in.answer());
					ps.setLong(18, intake.agent().accountId());
					ps.setObject(19, now);
					ps.setObject(20, intake.answered() ? now : null);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						id = rs.getLong(1);
					}
				}
				try (PreparedStatement ps = connection.prepareStatement("""
						insert into request.request_history (request_id, occurred_at, actor_id, actor_name, action,
						                                     from_status, to_status, note)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
					history(ps, id, now, intake.agent(), "受理", null, "REGISTERED", "");
					if (intake.answered()) {
						history(ps, id, now, intake.agent(), "当场答复办结", "REGISTERED", "CLOSED", in.answer());
					}
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void history(PreparedStatement ps, long id, OffsetDateTime at, CurrentUser actor, String action,
			String from, String to, String note) throws SQLException {
		ps.setLong(1, id);
		ps.setObject(2, at);
		ps.setLong(3, actor.accountId());
		ps.setString(4, actor.displayName());
		ps.setString(5, action);
		ps.setString(6, from);
		ps.setString(7, to);
		ps.setString(8, note);
		ps.executeUpdate();
	}

	private static String json(NewRequest in) {
		return """
				{"siteId":%d,"type":"%s","categoryId":%d,"channel":"%s","priority":"%s","major":%s,"householdId":%d,\
				"contactName":"%s","contactPhone":"%s","anonymous":false,"roomId":%s,"publicAreaId":%s,"description":"%s",\
				"answer":%s}""".formatted(in.siteId(), in.type(), in.categoryId(), in.channel(), in.priority(), in.major(),
				in.householdId(), in.contactName(), in.contactPhone(), in.roomId(), in.publicAreaId(), in.description(),
				in.answer() == null ? "null" : "\"" + in.answer() + "\"");
	}

	// ---------------------------------------------------------------- measuring

	/**
	 * What else the two cores did meanwhile: the machine's CPU time (/proc/stat) less
	 * that of this JVM and of its PostgreSQL (the postmaster, its live children, and
	 * the children it has reaped). The cores are shared with whatever else runs, and a
	 * figure is worth only as much as the quiet it was measured in.
	 */
	static final class CpuShare {

		record Snapshot(long machine, long ours, long nanos) {
		}

		private final long postmaster;

		CpuShare(long backendPid) {
			this.postmaster = Long.parseLong(stat(backendPid)[3]);
		}

		Snapshot now() {
			String[] total = read("/proc/stat").lines().findFirst().orElseThrow().trim().split("\\s+");
			long machine = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				machine += Long.parseLong(total[i]);
			}
			long ours = ticks(stat(ProcessHandle.current().pid()), false) + ticks(stat(postmaster), true);
			for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
				String[] fields = stat(child.pid());
				if (fields.length > 0) {
					ours += ticks(fields, false);
				}
			}
			return new Snapshot(machine, ours, System.nanoTime());
		}

		String othersSince(Snapshot start) {
			Snapshot end = now();
			double hz = 100;
			double others = Math.max(0, (end.machine() - start.machine()) - (end.ours() - start.ours())) / hz;
			double seconds = (end.nanos() - start.nanos()) / 1e9;
			return String.format("Other processes on the machine used %.1f s of CPU during these %.0f s (%.0f%% of the two cores).",
					others, seconds, 100 * others / (2 * seconds));
		}

		private static long ticks(String[] stat, boolean withReapedChildren) {
			long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
			return withReapedChildren ? ticks + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : ticks;
		}

		/** The fields of /proc/<pid>/stat after the command name; empty when the process is gone. */
		private static String[] stat(long pid) {
			String text = read("/proc/" + pid + "/stat");
			if (text.isEmpty()) {
				return new String[0];
			}
			String[] rest = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
			String[] fields = new String[rest.length + 2];
			fields[0] = String.valueOf(pid);
			fields[1] = "(comm)";
			System.arraycopy(rest, 0, fields, 2, rest.length);
			return fields;
		}

		private static String read(String path) {
			try {
				return Files.readString(Path.of(path));
			}
			catch (IOException ex) {
				return "";
			}
		}
	}

	record Stats(int n, double seconds, double p50, double p95, double p99, double max) {

		static Stats of(double[] millis, double seconds) {
			double[] sorted = millis.clone();
			Arrays.sort(sorted);
			return new Stats(sorted.length, seconds, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
					sorted[sorted.length - 1]);
		}

		private static double at(double[] sorted, double quantile) {
			return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
		}

		double perSecond() {
			return n / seconds;
		}
	}

	/** One caller after another: the latency of each call, after a warm-up that is not counted. */
	private static Stats sequential(int warmUp, int runs, Consumer<Integer> call) {
		for (int i = 0; i < warmUp; i++) {
			call.accept(i);
		}
		double[] millis = new double[runs];
		long began = System.nanoTime();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			call.accept(warmUp + i);
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return Stats.of(millis, (System.nanoTime() - began) / 1e9);
	}

	/** {@link #THREADS} callers working through the list as fast as each call returns. */
	private static <T> Stats concurrently(List<T> work, Consumer<T> call) throws Exception {
		double[] millis = new double[work.size()];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			long began = System.nanoTime();
			List<Future<?>> callers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				callers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
						long start = System.nanoTime();
						call.accept(work.get(i));
						millis[i] = (System.nanoTime() - start) / 1e6;
					}
				}));
			}
			for (Future<?> caller : callers) {
				caller.get();
			}
			return Stats.of(millis, (System.nanoTime() - began) / 1e9);
		}
		finally {
			pool.shutdown();
		}
	}
}
