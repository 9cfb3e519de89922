package io.kefu.request;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.RequestDataGenerator.GeneratedSite;
import io.kefu.request.RequestDataGenerator.Mix;
import io.kefu.request.RequestDataGenerator.Result;
import io.kefu.request.RequestDataGenerator.Settings;
import io.kefu.request.domain.RequestLookups;
import io.kefu.security.ApiTokenManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.Page;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Intake, the queues, the request page and the intake screen on a million requests
 * (100 sites, 3 years), each beside a baseline measured in the same run. Not a timed
 * test: it prints the tables for BENCHMARKS.md and fails only on wrong results (numbers
 * with gaps, counters that drifted), on a sequential scan of {@code service_request},
 * or when the SQL it explains is no longer the SQL the service sends. Run with
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

	static final int BASIC_INTAKES = Math.min(200, INTAKES / 10);

	static final int PAGE_INTAKES = INTAKES / 4;

	static final int PAGE_ONE_BY_ONE = Math.min(500, INTAKES / 10);

	static final int INTAKE_WARM_UP = 1_000;

	static final int READS = 300;

	static final int READ_WARM_UP = 50;

	static final int HTTP_READS = 100;

	static final int HTTP_WARM_UP = 10;

	/** Read passes at most, and the share of the two cores other processes may take before a pass counts as disturbed. */
	static final int READ_PASSES = 3;

	static final double QUIET = 0.10;

	static final Duration QUIET_WAIT = Duration.ofSeconds(Long.getLong("kefu.benchmark.quiet-wait", 90));

	/** The wait before each intake run, shorter: there are eight of them. */
	static final Duration INTAKE_QUIET_WAIT = QUIET_WAIT.dividedBy(3);

	static final double TARGET_RATE = 500;

	static final double TARGET_P99 = 100;

	static final double TARGET_PAGE_P95 = 50;

	/** Household cards on the intake screen, and the latest requests on each (IntakeWebController). */
	static final int CARDS = 5;

	static final int LATEST = 5;

	/** Rows on a page of the request lists (RequestWebController). */
	static final int PAGE_SIZE = 30;

	static final String OPEN = "r.status not in ('RESOLVED', 'CLOSED')";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	RequestDataGenerator generator;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	QueueCounts counts;

	@Autowired
	RequestLookups lookups;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	ApiTokenManagement apiTokens;

	@Autowired
	StaffMother staff;

	/** API clients by username, each with its own token, shared by the reads and the intake. */
	Map<String, HttpTestClient> bearers = new ConcurrentHashMap<>();

	final HttpClient integration = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	SoftAssertions checks = new SoftAssertions();

	CpuShare cpu;

	@Test
	void intakeQueuesAndTheRequestPageOnAMillionRequests() throws Exception {
		cpu = new CpuShare(jdbc.sql("select pg_backend_pid()").query(Long.class).single());
		CpuShare.Snapshot generation = cpu.now();
		Result data = generator.generate(Settings.million().withRequests(REQUESTS));
		printGeneration(data);
		System.out.println();
		System.out.println(cpu.othersSince(generation));
		// The load's dirty pages are written now, not by a checkpoint in the middle of a measurement.
		jdbc.sql("checkpoint").update();
		Readers readers = readers(data);
		List<PageRead> reads = pageReads(data, readers);
		// The plans on the data as generated, before intake adds tens of thousands of open requests.
		explain(queryPlans(data, readers));
		// From here on, only what the application asks counts towards the indexes' use.
		jdbc.sql("select pg_stat_reset()").query().singleRow();
		readsUntilQuiet(readers, reads);
		IntakeMix mix = intakeMix(data);
		intake(mix);
		indexUsage();
		checkIntake(mix.sites());
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
			TestUser headOffice, List<Long> requestIds, long openRequests, List<String> phoneEndings,
			List<String> roomCodes, long repairCategory, List<Long> cardHouseholds, List<Long> cardRooms) {
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
		// What agents type into the intake screen's search box: the end of a caller's phone, a room code.
		List<String> endings = jdbc.sql("select right(phone, 4) from directory.person where site_id = :site order by random() limit 200")
			.param("site", site.id())
			.query(String.class)
			.list();
		List<String> rooms = jdbc.sql("select code from directory.room where site_id = :site order by random() limit 200")
			.param("site", site.id())
			.query(String.class)
			.list();
		long leak = requests.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("渗漏水")).findFirst()
			.orElseThrow().id();
		// The households on the intake screen's cards: five with open requests, and their rooms.
		List<Long> cardHouseholds = jdbc.sql("select distinct household_id from request.service_request r where site_id = :site and "
				+ OPEN + " and household_id is not null order by 1 limit " + CARDS)
			.param("site", site.id())
			.query(Long.class)
			.list();
		List<Long> cardRooms = jdbc.sql("select room_id from directory.household_room where household_id = any(:households)")
			.param("households", cardHouseholds.toArray(Long[]::new))
			.query(Long.class)
			.list();
		return new Readers(site, staff.current(site.supervisor()), staff.current(agent), staff.current(technician),
				headOffice, ids, open, endings, rooms, leak, cardHouseholds, cardRooms);
	}

	/**
	 * One page or API call, each way it exists: what the server does for it, called in
	 * this JVM (server time); the page in a signed-in session over HTTP; the API call
	 * over HTTP with a bearer token.
	 */
	record PageRead(String name, IntFunction<Object> service, IntFunction<String> page, IntFunction<String> api,
			CurrentUser user, String password) {
	}

	private List<PageRead> pageReads(Result data, Readers r) {
		long site = r.site().id();
		CurrentUser sup = r.supervisor();
		CurrentUser agent = r.agent();
		CurrentUser tech = r.technician();
		CurrentUser hq = r.headOffice().user();
		String pw = data.password();
		String hqPw = r.headOffice().password();
		QueueFilter urgency = new QueueFilter(null, null, null, null, null, null, QueueOrder.URGENCY);
		String pageCursor = queries.queue(sup, Queue.OPEN, null, null, PAGE_SIZE).nextCursor();
		String hqPageCursor = queries.queue(hq, Queue.OPEN, null, null, PAGE_SIZE).nextCursor();
		String urgencyCursor = queries.queue(sup, Queue.OPEN, null, urgency, null, PAGE_SIZE).nextCursor();
		List<Long> ids = r.requestIds();
		List<PageRead> reads = new ArrayList<>();
		// The queue page as RequestWebController serves it: the tabs' counts and 30 rows. A second page
		// is measured where the queue has one.
		reads.add(queuePage("OPEN, busiest site (its supervisor)", sup, Queue.OPEN, null, QueueFilter.NONE, null, pw));
		if (pageCursor != null) {
			reads.add(queuePage("OPEN, busiest site, page 2", sup, Queue.OPEN, null, QueueFilter.NONE, pageCursor, pw));
		}
		reads.add(queuePage("OPEN by urgency, busiest site", sup, Queue.OPEN, null, urgency, null, pw));
		if (urgencyCursor != null) {
			reads.add(queuePage("OPEN by urgency, busiest site, page 2", sup, Queue.OPEN, null, urgency, urgencyCursor, pw));
		}
		reads.add(queuePage("MINE (the agent with the most open requests)", agent, Queue.MINE, null, QueueFilter.NONE, null,
				pw));
		reads.add(queuePage("UNASSIGNED, busiest site", sup, Queue.UNASSIGNED, null, QueueFilter.NONE, null, pw));
		reads.add(queuePage("WAITING, busiest site", sup, Queue.WAITING, null, QueueFilter.NONE, null, pw));
		reads.add(queuePage("MAJOR, busiest site", sup, Queue.MAJOR, null, QueueFilter.NONE, null, pw));
		reads.add(queuePage("OPEN, all 100 sites (head office)", hq, Queue.OPEN, null, QueueFilter.NONE, null, hqPw));
		if (hqPageCursor != null) {
			reads.add(queuePage("OPEN, all 100 sites, page 2", hq, Queue.OPEN, null, QueueFilter.NONE, hqPageCursor, hqPw));
		}
		reads.add(queuePage("OPEN by urgency, all 100 sites", hq, Queue.OPEN, null, urgency, null, hqPw));
		reads.add(queuePage("OPEN, head office choosing the busiest site", hq, Queue.OPEN, site, QueueFilter.NONE, null,
				hqPw));
		reads.addAll(List.of(
				page("my jobs (the technician with the most open jobs)",
						i -> queries.queue(tech, Queue.JOBS, null, null, null), i -> "/jobs", tech, pw),
				page("request page (details with history)", i -> queries.details(sup, ids.get(i % ids.size())),
						i -> "/requests/" + ids.get(i % ids.size()), sup, pw),
				page("intake screen, empty", null, i -> "/requests/new", agent, pw),
				page("intake screen: household cards for a phone's last four digits", null,
						i -> "/requests/new?q=" + r.phoneEndings().get(i % r.phoneEndings().size()), agent, pw),
				page("intake screen: cards for a room code, with 30-day repeats of a category", null,
						i -> "/requests/new?q=" + enc(r.roomCodes().get(i % r.roomCodes().size())) + "&siteId=" + site
								+ "&categoryId=" + r.repairCategory(),
						agent, pw),
				// The REST API, as a client asks: one site, 50 rows.
				api("OPEN, busiest site, ?site=", i -> queries.queue(sup, Queue.OPEN, site, null, null),
						i -> "/api/v1/requests?queue=OPEN&site=" + site, sup, pw),
				api("queue counts, busiest site", i -> counts.of(sup, site), i -> "/api/v1/requests/counts?site=" + site,
						sup, pw),
				api("queue counts, all 100 sites (head office)", i -> counts.of(hq, null), i -> "/api/v1/requests/counts",
						hq, hqPw),
				api("request (details with history)", i -> queries.details(sup, ids.get(i % ids.size())),
						i -> "/api/v1/requests/" + ids.get(i % ids.size()), sup, pw)));
		return reads;
	}

	/** The queue page: what RequestWebController asks of the services, and the page itself. */
	private PageRead queuePage(String name, CurrentUser user, Queue queue, Long site, QueueFilter filter, String cursor,
			String password) {
		String path = "/requests?queue=" + queue + (site == null ? "" : "&site=" + site) + "&order=" + filter.order()
				+ (cursor == null ? "" : "&cursor=" + cursor);
		return page(name, i -> {
			counts.of(user, site);
			return queries.queue(user, queue, site, filter, cursor, PAGE_SIZE);
		}, i -> path, user, password);
	}

	private static PageRead page(String name, IntFunction<Object> service, IntFunction<String> path, CurrentUser user,
			String password) {
		return new PageRead("page: " + name, service, path, null, user, password);
	}

	private static PageRead api(String name, IntFunction<Object> service, IntFunction<String> path, CurrentUser user,
			String password) {
		return new PageRead("API: " + name, service, null, path, user, password);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** One pass over every page: the figures by page and how busy the rest of the machine was meanwhile. */
	record ReadPass(Map<String, Stats> server, double othersShare) {
	}

	/**
	 * The reads, repeated while other processes took more than {@link #QUIET} of the
	 * cores (at most {@link #READ_PASSES} passes); the quietest pass is the reference.
	 */
	private ReadPass readsUntilQuiet(Readers r, List<PageRead> reads) throws InterruptedException {
		ReadPass quietest = null;
		for (int pass = 1; pass <= READ_PASSES; pass++) {
			awaitQuiet(QUIET_WAIT);
			ReadPass measured = pages(r, reads, pass);
			if (quietest == null || measured.othersShare() < quietest.othersShare()) {
				quietest = measured;
			}
			if (measured.othersShare() <= QUIET) {
				break;
			}
			System.out.printf("%nPass %d was disturbed (other processes %.0f%% of the cores)%s%n", pass,
					100 * measured.othersShare(), pass < READ_PASSES ? ": measuring again." : ".");
		}
		System.out.printf("%nReference: the pass with other processes at %.0f%% of the cores.%n", 100 * quietest.othersShare());
		return quietest;
	}

	/**
	 * Waits, up to the time given, for five seconds in which other processes take
	 * no more than {@link #QUIET} of the cores; the machine is shared, and a measurement
	 * is worth only as much as the quiet it was taken in.
	 */
	private void awaitQuiet(Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		long began = System.nanoTime();
		double others;
		do {
			CpuShare.Snapshot start = cpu.now();
			Thread.sleep(5_000);
			others = cpu.othersShareSince(start);
		}
		while (others > QUIET && System.nanoTime() < deadline);
		System.out.printf("%nWaited %.0f s for the machine to be quiet: other processes at %.0f%% of the cores over the last 5 s%s.%n",
				(System.nanoTime() - began) / 1e9, 100 * others, others > QUIET ? " (gave up waiting)" : "");
	}

	/**
	 * Each page in-process (server time) and over HTTP in a signed-in page session (as
	 * the browser asks; htmx for the intake screen's cards).
	 */
	private ReadPass pages(Readers r, List<PageRead> reads, int pass) {
		Map<String, Stats> measured = new LinkedHashMap<>();
		System.out.println();
		System.out.printf("## Queues and the request page, pass %d (busiest site %s: %,d requests, %,d open)%n", pass,
				r.site().code(), r.site().requests(), r.openRequests());
		System.out.println();
		System.out.println("Server time: what the server does for the page or call, called in the same JVM (the queue page: "
				+ "its counts and its rows). Over HTTP: the page in a signed-in session (session in PostgreSQL, page "
				+ "rendered), the API call with a bearer token. Pages list 30 rows, the API 50, my jobs up to 200.");
		System.out.println();
		CpuShare.Snapshot started = cpu.now();
		System.out.println("| page | rows | server p50 / p95 / p99 (ms) | over HTTP p50 / p95 / p99 (ms) | p95 ≤ 50 ms |");
		System.out.println("|---|---|---|---|---|");
		Map<String, HttpTestClient> sessions = new HashMap<>();
		for (PageRead read : reads) {
			String rows = "";
			Stats service = null;
			if (read.service() != null) {
				Object sample = read.service().apply(0);
				rows = sample instanceof Page<?> page ? String.valueOf(page.items().size())
						: sample instanceof ServiceRequestDetails details ? details.history().size() + " history rows" : "1";
				service = sequential(READ_WARM_UP, READS, read.service()::apply);
				measured.put(read.name(), service);
			}
			IntFunction<String> path = read.page() != null ? read.page() : read.api();
			HttpTestClient client = read.page() != null
					? sessions.computeIfAbsent(read.user().username(), u -> signedIn(u, read.password()))
					: bearers.computeIfAbsent(read.user().username(), u -> bearer(read.user()));
			boolean fragment = path.apply(0).contains("?q=");
			Stats overHttp = sequential(HTTP_WARM_UP, HTTP_READS,
					i -> ok(fragment ? client.getFragment(path.apply(i)) : client.get(path.apply(i)), path.apply(i)));
			Stats judged = service != null ? service : overHttp;
			System.out.printf("| %s | %s | %s | %s | %s |%n", read.name(), rows, millis(service), millis(overHttp),
					judged.p95() <= TARGET_PAGE_P95 ? "yes" : "**no**");
		}
		double others = cpu.othersShareSince(started);
		System.out.println();
		System.out.println(cpu.othersSince(started));
		return new ReadPass(measured, others);
	}

	private static String millis(Stats stats) {
		return stats == null ? "—" : String.format("%.2f / %.2f / %.2f", stats.p50(), stats.p95(), stats.p99());
	}

	/**
	 * An API client with a personal API token of the user, as an integration calls: one
	 * HTTP/1.1 connection pool for all the users' tokens (a client per token would run a
	 * selector thread each on the cores the server shares).
	 */
	private HttpTestClient bearer(CurrentUser user) {
		return new HttpTestClient(port, integration).withBearer(apiTokens.create(user, "benchmark", null).token());
	}

	/** A page session: signed in through the form, with the CSRF token of the intake screen. */
	private HttpTestClient signedIn(String username, String password) {
		HttpTestClient session = new HttpTestClient(port);
		HttpResponse<String> signIn = session.signIn(username, password);
		if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("sign-in of " + username + " failed: " + signIn.statusCode());
		}
		ok(session.get("/requests/new"), "/requests/new");
		return session;
	}

	private static void ok(HttpResponse<String> response, String path) {
		if (response.statusCode() != 200) {
			throw new AssertionError(path + " → " + response.statusCode() + " " + response.body());
		}
	}

	// ---------------------------------------------------------------- plans

	/** Major complaints, then urgent work: ServiceRequestQueries' sort key for QueueOrder.URGENCY. */
	private static final String URGENCY = "(case when r.major then 0 when r.priority = 'URGENT' then 1 else 2 end)";

	/**
	 * The queue query as ServiceRequestQueries.queue builds it, with $1 … $11 (sites, me,
	 * type, category, channel, rooms, from, to, rank, after, limit): the queue's own
	 * condition comes from {@link Queue}, the rest is copied by hand, and {@link #explain}
	 * checks that the service still sends exactly this.
	 */
	private static String queueSql(Queue queue, QueueOrder order, boolean next) {
		boolean jobs = queue == Queue.JOBS;
		boolean urgency = !jobs && order == QueueOrder.URGENCY;
		String keyset = !next ? "true" : urgency ? "(" + URGENCY + ", r.id) > ($9, $10)" : "r.id < $10";
		String sort = jobs ? "r.appointment nulls last, r.id desc" : urgency ? URGENCY + ", r.id" : "r.id desc";
		return """
				select r.id, r.site_id, r.number, r.type, c.name as category_name, r.channel, r.priority, r.major, r.status,
				       r.place, r.description, r.owner_id, r.assignee_id, r.registered_at, r.appointment,
				""" + URGENCY + """
				 as urgency
				from request.service_request r left join request.category c on c.id = r.category_id
				where r.status not in ('RESOLVED', 'CLOSED')
				  and r.site_id = any($1)
				  and (cast($3 as text) is null or r.type = $3)
				  and (cast($4 as bigint) is null or r.category_id = $4
				       or r.category_id in (select id from request.category where parent_id = $4))
				  and (cast($5 as text) is null or r.channel = $5)
				  and (cast($6 as bigint[]) is null or r.room_id = any(cast($6 as bigint[])))
				  and (cast($7 as timestamptz) is null or r.registered_at >= $7)
				  and (cast($8 as timestamptz) is null or r.registered_at < $8)
				""" + " and " + queue.condition().replace(":me", "$2") + " and " + keyset + " order by " + sort + " limit $11";
	}

	/** A query a page runs, the call that runs it, and its parameters for EXPLAIN. */
	record Plan(String name, String sql, String types, String args, Runnable source, boolean print) {
	}

	private static final String QUEUE_TYPES = "bigint[], bigint, text, bigint, text, bigint[], timestamptz, timestamptz, "
			+ "bigint, bigint, int";

	/** A queue query's plan: the sites, the user, no filter, the cursor (rank and id, or none) and the rows asked. */
	private Plan queuePlan(String name, Queue queue, QueueOrder order, String sites, CurrentUser user, Long site,
			String cursor, int size, boolean print) {
		long[] key = cursor == null ? new long[] { 0, 0 }
				: Arrays.stream(cursor.split("-")).mapToLong(Long::parseLong).toArray();
		QueueFilter filter = new QueueFilter(null, null, null, null, null, null, order);
		int limit = queue == Queue.JOBS ? Page.MAX_SIZE : size;
		String args = sites + ", " + user.accountId() + ", null, null, null, null, null, null, " + key[0] + ", "
				+ key[key.length - 1] + ", " + (limit + 1);
		return new Plan(name, queueSql(queue, order, cursor != null), QUEUE_TYPES, args,
				() -> queries.queue(user, queue, site, filter, cursor, size), print);
	}

	private List<Plan> queryPlans(Result data, Readers r) {
		String busiest = array(List.of(r.site().id()));
		String all = array(data.sites().stream().map(GeneratedSite::id).toList());
		long site = r.site().id();
		long page = r.requestIds().get(0);
		CurrentUser sup = r.supervisor();
		CurrentUser hq = r.headOffice().user();
		CurrentUser agent = r.agent();
		String households = array(r.cardHouseholds());
		QueueFilter urgency = new QueueFilter(null, null, null, null, null, null, QueueOrder.URGENCY);
		String cursor = queries.queue(sup, Queue.OPEN, null, QueueFilter.NONE, null, PAGE_SIZE).nextCursor();
		String urgencyCursor = queries.queue(sup, Queue.OPEN, null, urgency, null, PAGE_SIZE).nextCursor();
		QueueOrder newest = QueueOrder.NEWEST;
		List<Plan> plans = new ArrayList<>(List.of(
				queuePlan("queue OPEN, busiest site, first page", Queue.OPEN, newest, busiest, sup, null, null, PAGE_SIZE, true),
				queuePlan("queue OPEN by urgency, busiest site", Queue.OPEN, QueueOrder.URGENCY, busiest, sup, null, null,
						PAGE_SIZE, true),
				queuePlan("queue MINE", Queue.MINE, newest, busiest, agent, null, null, PAGE_SIZE, true),
				queuePlan("queue UNASSIGNED, busiest site", Queue.UNASSIGNED, newest, busiest, sup, null, null, PAGE_SIZE,
						false),
				queuePlan("queue WAITING, busiest site", Queue.WAITING, newest, busiest, sup, null, null, PAGE_SIZE, false),
				queuePlan("queue MAJOR, busiest site", Queue.MAJOR, newest, busiest, sup, null, null, PAGE_SIZE, false),
				queuePlan("queue JOBS (my jobs)", Queue.JOBS, newest, busiest, r.technician(), null, null, PAGE_SIZE, true),
				queuePlan("queue OPEN, all 100 sites", Queue.OPEN, newest, all, hq, null, null, PAGE_SIZE, true),
				queuePlan("queue OPEN by urgency, all 100 sites", Queue.OPEN, QueueOrder.URGENCY, all, hq, null, null,
						PAGE_SIZE, true),
				queuePlan("queue OPEN, head office choosing the busiest site (API, 50 rows)", Queue.OPEN, newest, busiest, hq,
						site, null, Page.DEFAULT_SIZE, false)));
		if (cursor != null) {
			plans.add(queuePlan("queue OPEN, busiest site, page 2", Queue.OPEN, newest, busiest, sup, null, cursor, PAGE_SIZE,
					false));
		}
		if (urgencyCursor != null) {
			plans.add(queuePlan("queue OPEN by urgency, busiest site, page 2", Queue.OPEN, QueueOrder.URGENCY, busiest, sup,
					null, urgencyCursor, PAGE_SIZE, false));
		}
		plans.addAll(List.of(
				new Plan("request page: the request", """
						select r.*, c.name as category_name,
						       exists (select 1 from request.signature s where s.request_id = r.id) as has_signature
						from request.service_request r
						left join request.category c on c.id = r.category_id where r.id = $1 and r.site_id = any($2)""",
						"bigint, bigint[]", page + ", " + busiest, () -> queries.details(sup, page), false),
				new Plan("request page: its history", """
						select occurred_at, actor_name, action, from_status, to_status, note from request.request_history
						where request_id = $1 order by id desc""", "bigint", String.valueOf(page),
						() -> queries.details(sup, page), false),
				new Plan("queue counts: my jobs (the technician)", """
						select count(*) from request.service_request
						where assignee_id = $1 and status not in ('RESOLVED', 'CLOSED') and site_id = any($2)""",
						"bigint, bigint[]", r.technician().accountId() + ", " + busiest, () -> counts.of(r.technician(), null),
						false),
				new Plan("intake screen: open requests of the cards' households", cardsSql("and s.status not in ('RESOLVED', 'CLOSED')"),
						"bigint[], bigint[], int", households + ", " + busiest + ", " + RequestLookups.OPEN_LIMIT,
						() -> lookups.openOf(agent, r.cardHouseholds()), false),
				new Plan("intake screen: latest requests of the cards' households", cardsSql(""), "bigint[], bigint[], int",
						households + ", " + busiest + ", " + LATEST, () -> lookups.latestOf(agent, r.cardHouseholds(), LATEST),
						false),
				new Plan("intake screen: the same category in the last 30 days", "select " + LOOKUP_COLUMNS + """
						 from request.service_request r left join request.category c on c.id = r.category_id
						where r.id in (select id from request.service_request
						               where household_id = any($1) and registered_at >= $2
						               union
						               select id from request.service_request
						               where room_id = any($3) and registered_at >= $2)
						  and r.category_id = $4 and r.site_id = any($5)
						order by r.registered_at desc limit 20""", "bigint[], timestamptz, bigint[], bigint, bigint[]",
						households + ", now() - interval '30 days', " + array(r.cardRooms()) + ", " + r.repairCategory() + ", "
								+ busiest,
						() -> lookups.sameCategorySince(agent, r.repairCategory(), r.cardHouseholds(), r.cardRooms(),
								clock.instant().minus(Duration.ofDays(30))),
						false)));
		return plans;
	}

	/** The columns of RequestLookups' lines. */
	private static final String LOOKUP_COLUMNS = """
			r.id, r.household_id, r.room_id, r.number, r.type, c.name as category_name, r.status, r.place,
			r.registered_at""";

	/** The intake screen's per-household lists as RequestLookups asks, with $1 … $3. */
	private static String cardsSql(String condition) {
		return "select " + LOOKUP_COLUMNS + """
				 from unnest(cast($1 as bigint[])) as h(id)
				cross join lateral (select * from request.service_request s
				                    where s.household_id = h.id and s.site_id = any($2) %s
				                    order by s.registered_at desc limit $3) r
				left join request.category c on c.id = r.category_id
				order by r.household_id, r.registered_at desc""".formatted(condition);
	}

	private static String array(List<Long> ids) {
		return "'{" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}'";
	}

	/**
	 * EXPLAIN (ANALYZE, BUFFERS) of each query with PostgreSQL's custom and generic plan; a
	 * query with a source is first checked to be exactly what its service call sends.
	 */
	private void explain(List<Plan> plans) throws SQLException {
		System.out.println();
		System.out.println("### Plans (EXPLAIN ANALYZE, BUFFERS), custom and generic");
		System.out.println();
		System.out.println("| query | plan | scans | rows out | shared buffers | ms |");
		System.out.println("|---|---|---|---|---|---|");
		List<String> printed = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (Plan plan : plans) {
				if (plan.source() != null) {
					checks.assertThat(executedSql(plan.source()))
						.as("%s: the SQL explained here is the SQL the service sends (else update RequestBenchmarkTests)",
								plan.name())
						.contains(normalized(plan.sql()));
				}
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
					if (plan.print()) {
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

	/** The statements a call sends, as Spring's JdbcTemplate logs them at debug level ({@code ?} for parameters). */
	private static List<String> executedSql(Runnable call) {
		Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = logger.getLevel();
		boolean additive = logger.isAdditive();
		logger.addAppender(appender);
		logger.setAdditive(false);
		logger.setLevel(Level.DEBUG);
		try {
			call.run();
		}
		finally {
			logger.setLevel(level);
			logger.setAdditive(additive);
			logger.detachAppender(appender);
		}
		String prefix = "Executing prepared SQL statement [";
		return appender.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter(m -> m.startsWith(prefix))
			.map(m -> normalized(m.substring(prefix.length(), m.length() - 1)))
			.toList();
	}

	private static String normalized(String sql) {
		return sql.replaceAll("\\$\\d+", "?").replaceAll("\\s+", " ").strip();
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
			agents.put(site.id(), site.agents().stream().map(staff::current).toList());
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
				RequestType type = Mix.type(random.nextDouble());
				List<Long> typeCategories = categories.get(type);
				long category = typeCategories.get(random.nextInt(typeCategories.size()));
				// Agents take calls, visits and online messages; patrols and letters are not live intake.
				double c = random.nextDouble();
				Channel channel = c < 0.6 ? Channel.PHONE : c < 0.85 ? Channel.VISIT : Channel.ONLINE;
				String place = Mix.place(type, random.nextDouble());
				boolean inRoom = place.equals("ROOM");
				boolean inArea = place.equals("AREA");
				Long area = inArea ? areas.get(site.id()).get(random.nextInt(areas.get(site.id()).size())) : null;
				boolean answered = Mix.answered(type, random.nextDouble());
				List<String> phrases = RequestDataGenerator.phrases(type);
				double u = random.nextDouble();
				NewRequest input = new NewRequest(site.id(), type, category, channel,
						Mix.priority(type, u), Mix.major(type, u), household.id(),
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
		String password = mix.password();
		// The intake screen: every agent signs in once, as at the start of a shift, then saves calls with htmx.
		Map<String, HttpTestClient> sessions = new HashMap<>();
		for (GeneratedSite site : mix.sites()) {
			for (long agent : site.agents()) {
				String username = staff.current(agent).username();
				sessions.put(username, signedIn(username, password));
			}
		}
		Consumer<Intake> onThePage = i -> {
			HttpResponse<String> response = sessions.get(i.agent().username())
				.postMultipart("/requests/new", intakeForm(i), List.of(), true);
			if (response.statusCode() != 200
					|| !response.headers().firstValue("HX-Trigger-After-Settle").orElse("").equals("kefu-registered")) {
				throw new AssertionError("intake screen: " + response.statusCode() + " " + response.body());
			}
		};
		// Scripts and integrations: the API with a personal token per agent.
		Consumer<Intake> overTheApi = i -> {
			HttpResponse<String> response = bearers.computeIfAbsent(i.agent().username(), u -> bearer(i.agent()))
				.postJson("/api/v1/requests", json(i.input()), UUID.randomUUID().toString());
			if (response.statusCode() != 201) {
				throw new AssertionError(response.statusCode() + " " + response.body());
			}
		};
		CpuShare.Snapshot started = cpu.now();
		Stats warmBaseline = concurrently(calls.apply(INTAKE_WARM_UP), this::insertRaw);
		Stats warmService = concurrently(calls.apply(INTAKE_WARM_UP), i -> requests.register(i.agent(), i.input(), null));
		Stats warmPage = concurrently(calls.apply(INTAKE_WARM_UP / 2), onThePage);
		Stats warmApi = concurrently(calls.apply(INTAKE_WARM_UP / 2), overTheApi);
		Run baseline = run(() -> concurrently(calls.apply(INTAKES), this::insertRaw));
		Run service = run(() -> concurrently(calls.apply(INTAKES), i -> requests.register(i.agent(), i.input(), null)));
		Run keyed = run(() -> concurrently(calls.apply(KEYED_INTAKES),
				i -> requests.register(i.agent(), i.input(), UUID.randomUUID().toString())));
		Run overPage = run(() -> concurrently(calls.apply(PAGE_INTAKES), onThePage));
		List<Intake> oneByOne = calls.apply(HTTP_WARM_UP + PAGE_ONE_BY_ONE);
		Run overPageAlone = run(() -> sequential(HTTP_WARM_UP, PAGE_ONE_BY_ONE, i -> onThePage.accept(oneByOne.get(i))));
		Run overApi = run(() -> concurrently(calls.apply(PAGE_INTAKES), overTheApi));
		Run baselineAgain = run(() -> concurrently(calls.apply(INTAKES), this::insertRaw));
		String others = cpu.othersSince(started);
		// HTTP Basic, for the record only: a BCrypt check on every call.
		Map<String, HttpTestClient> basic = new ConcurrentHashMap<>();
		Stats overBasic = concurrently(calls.apply(BASIC_INTAKES), i -> {
			HttpResponse<String> response = basic
				.computeIfAbsent(i.agent().username(), u -> new HttpTestClient(port).withBasic(u, password))
				.postJson("/api/v1/requests", json(i.input()), UUID.randomUUID().toString());
			if (response.statusCode() != 201) {
				throw new AssertionError(response.statusCode() + " " + response.body());
			}
		});

		System.out.println();
		System.out.printf("## Intake: %d callers (threads), %d sites, one transaction per request%n", THREADS, INTAKE_SITES);
		System.out.println();
		System.out.println("| intake | requests | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | rate vs. raw JDBC | ≥ 500/s and p99 ≤ 100 ms | other processes |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		double reference = (baseline.stats().perSecond() + baselineAgain.stats().perSecond()) / 2;
		printIntake("raw JDBC baseline (before)", baseline, reference);
		printIntake("ServiceRequestManagement.register, in-process", service, reference);
		printIntake("register with an Idempotency-Key, in-process", keyed, reference);
		printIntake("intake screen: POST /requests/new, signed-in page session (htmx)", overPage, reference);
		printIntake("the same, one agent at a time (no queueing)", overPageAlone, reference);
		printIntake("POST /api/v1/requests, bearer token + Idempotency-Key", overApi, reference);
		printIntake("raw JDBC baseline (after)", baselineAgain, reference);
		System.out.println();
		System.out.printf("The rate vs. raw JDBC divides by the mean of the two baseline runs (%.0f/s). Warm-up, not counted: "
				+ "baseline %.0f/s, register %.0f/s, intake screen %.0f/s, API %.0f/s.%n", reference, warmBaseline.perSecond(),
				warmService.perSecond(), warmPage.perSecond(), warmApi.perSecond());
		System.out.println(others);
		System.out.printf("For the record, POST /api/v1/requests with HTTP Basic (a BCrypt check per call): %,d requests, "
				+ "%.0f/s, p50 %.1f ms, p99 %.1f ms.%n", overBasic.n(), overBasic.perSecond(), overBasic.p50(), overBasic.p99());
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
	 * How often each index of {@code service_request} served a query since the counters
	 * were reset, that is, during the reads and the intake: an index the application
	 * never uses costs every insert and update and earns nothing.
	 */
	private void indexUsage() throws SQLException {
		// A backend reports its counters when it ends (or after ten idle seconds): end the pool's
		// connections, then read once the counts have settled.
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		AtomicLong last = new AtomicLong(-1);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			long scans = jdbc.sql("select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes where schemaname = 'request'")
				.query(Long.class)
				.single();
			return scans == last.getAndSet(scans);
		});
		System.out.println();
		System.out.println("## Index use during the reads and the intake (pg_stat_user_indexes)");
		System.out.println();
		System.out.println("| index | scans | size |");
		System.out.println("|---|---|---|");
		jdbc.sql("""
				select indexrelname, idx_scan, pg_size_pretty(pg_relation_size(indexrelid)) as size
				from pg_stat_user_indexes where schemaname = 'request' and relname = 'service_request'
				order by indexrelname""")
			.query(rs -> {
				System.out.printf("| %s | %,d | %s |%n", rs.getString(1), rs.getLong(2), rs.getString(3));
			});
	}

	private void printIntake(String name, Run run, double reference) {
		Stats stats = run.stats();
		System.out.printf("| %s | %,d | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %s | %.0f %% |%n", name, stats.n(),
				stats.perSecond(), stats.p50(), stats.p95(), stats.p99(), stats.max(), stats.perSecond() / reference,
				stats.perSecond() >= TARGET_RATE && stats.p99() <= TARGET_P99 ? "yes" : "**no**", 100 * run.others());
	}

	/** A measurement that may throw. */
	interface Measurement {

		Stats take() throws Exception;
	}

	/** A measurement and the share of the two cores other processes took meanwhile. */
	record Run(Stats stats, double others) {
	}

	private Run run(Measurement measurement) throws Exception {
		awaitQuiet(INTAKE_QUIET_WAIT);
		CpuShare.Snapshot start = cpu.now();
		Stats stats = measurement.take();
		return new Run(stats, cpu.othersShareSince(start));
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

	/** The intake screen's form as the browser sends it: a fresh key, the room by its code, no unticked boxes. */
	private static Map<String, String> intakeForm(Intake intake) {
		NewRequest in = intake.input();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("key", UUID.randomUUID().toString());
		form.put("siteId", String.valueOf(in.siteId()));
		form.put("type", in.type().name());
		form.put("categoryId", String.valueOf(in.categoryId()));
		form.put("channel", in.channel().name());
		form.put("priority", in.priority().name());
		if (in.major()) {
			form.put("major", "true");
		}
		form.put("householdId", String.valueOf(in.householdId()));
		form.put("contactName", in.contactName());
		form.put("contactPhone", in.contactPhone());
		form.put("roomCode", in.roomId() == null ? "" : intake.place());
		form.put("publicAreaId", in.publicAreaId() == null ? "" : String.valueOf(in.publicAreaId()));
		form.put("description", in.description());
		form.put("answer", in.answer() == null ? "" : in.answer());
		return form;
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
			double others = othersSeconds(start, end);
			double seconds = (end.nanos() - start.nanos()) / 1e9;
			return String.format("Other processes on the machine used %.1f s of CPU during these %.0f s (%.0f%% of the two cores).",
					others, seconds, 100 * others / (2 * seconds));
		}

		/** The share of the two cores that other processes used since the snapshot, 0 to 1. */
		double othersShareSince(Snapshot start) {
			Snapshot end = now();
			return othersSeconds(start, end) / (2 * (end.nanos() - start.nanos()) / 1e9);
		}

		private static double othersSeconds(Snapshot start, Snapshot end) {
			double hz = 100;
			return Math.max(0, (end.machine() - start.machine()) - (end.ours() - start.ours())) / hz;
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
