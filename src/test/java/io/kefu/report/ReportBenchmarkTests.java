package io.kefu.report;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.request.RequestDataGenerator;
import io.kefu.request.RequestDataGenerator.GeneratedSite;
import io.kefu.request.RequestDataGenerator.Result;
import io.kefu.request.RequestDataGenerator.Settings;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.web.TableWorkbook;
import io.kefu.report.domain.ReportWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard on the million generated requests: the busiest site and every site over
 * the last full quarter, each beside the bare SQL of its largest aggregate (count and
 * 90th percentile of the handling time over the period's requests) in the same run; then
 * the quarterly complaint analysis's figures of the same quarter (target: all 100 sites
 * within 3 s), beside the bare SQL of its complaint aggregates and repeats.
 * Opt in: {@code -Dkefu.benchmark=true}; {@code -Dkefu.benchmark.requests=100000} for a
 * quick trial.
 */
@KefuIntegrationTest
@EnabledIfSystemProperty(named = "kefu.benchmark", matches = "true")
class ReportBenchmarkTests {

	static final int REQUESTS = Integer.getInteger("kefu.benchmark.requests", 1_000_000);

	static final int WARM_UP = 5;

	static final int CALLS = 30;

	static final String BASELINE = """
			select count(*), percentile_cont(0.9) within group (order by extract(epoch from resolved_at - registered_at))
			from request.service_request where site_id = any(?) and registered_at >= ? and registered_at < ?""";

	static final String REPEATS = """
			select count(*) from request.service_request r where r.site_id = any(?) and r.registered_at >= ?
			  and r.registered_at < ? and r.type = 'COMPLAINT' and r.category_id is not null
			  and (exists (select 1 from request.service_request e where e.household_id = r.household_id
			               and e.type = 'COMPLAINT' and e.category_id = r.category_id and e.registered_at < r.registered_at
			               and e.registered_at >= r.registered_at - interval '30 days')
			       or exists (select 1 from request.service_request e where e.room_id = r.room_id
			               and e.type = 'COMPLAINT' and e.category_id = r.category_id and e.registered_at < r.registered_at
			               and e.registered_at >= r.registered_at - interval '30 days')
			       or exists (select 1 from request.service_request e where e.public_area_id = r.public_area_id
			               and e.type = 'COMPLAINT' and e.category_id = r.category_id and e.registered_at < r.registered_at
			               and e.registered_at >= r.registered_at - interval '30 days'))""";

	/** The quarterly analysis's complaints by category, run for its quarter, the one before and a year before. */
	static final String COMPLAINT_CATEGORIES = """
			select r.category_id, count(*), count(*) filter (where r.major), count(*) filter (where r.complaint_valid),
			       count(*) filter (where not r.complaint_valid), count(*) filter (where r.complaint_valid is null)
			from request.service_request r where r.site_id = any(?) and r.registered_at >= ? and r.registered_at < ?
			  and r.type = 'COMPLAINT' group by r.category_id""";

	/** Staff performance's largest part: the period's requests counted per owner. */
	static final String STAFF = """
			select r.owner_id, count(*), count(*) filter (where r.resolved_at is not null)
			from request.service_request r where r.site_id = any(?) and r.registered_at >= ? and r.registered_at < ?
			group by r.owner_id""";

	/** The shape of staff performance's clock figures: the period's clocks of the sites, by who kept them. */
	static final String STAFF_CLOCKS = """
			select q.owner_id, count(*) filter (where c.state = 'MET'), count(*) filter (where c.state = 'BREACHED')
			from standard.request_clock c join standard.request_standard q on q.request_id = c.request_id
			where c.site_id = any(?) and c.started_at >= ? and c.started_at < ? and c.state in ('MET', 'BREACHED')
			group by q.owner_id""";

	/** The shape of staff performance's callback figures: the callbacks of the period's resolutions, by owner. */
	static final String STAFF_CALLBACKS = """
			select c.request_owner_id, count(*), count(*) filter (where c.satisfaction in ('VERY_SATISFIED', 'SATISFIED'))
			from callback.callback c where c.site_id = any(?) and c.resolved_at >= ? and c.resolved_at < ?
			  and c.state = 'COMPLETED' group by c.request_owner_id""";

	@Autowired
	RequestDataGenerator generator;

	@Autowired
	ReportManagement reports;

	@Autowired
	QuarterlyAnalyses analyses;

	@Autowired
	ReportPacks packs;

	@Autowired
	StaffPerformance staffPerformance;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDashboardOnAMillionRequests() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		Result data = generator.generate(Settings.million().withRequests(REQUESTS));
		jdbc.sql("checkpoint").update();
		GeneratedSite busiest = data.biggest();
		CurrentUser supervisor = staff.current(busiest.supervisor());
		List<Long> siteIds = data.sites().stream().map(GeneratedSite::id).toList();
		CurrentUser headOffice = staff.user(EnumSet.of(Role.SUPERVISOR), siteIds).user();
		ReportPeriod quarter = ReportPeriod.of(PeriodKind.QUARTER, LocalDate.now(KefuApplication.ZONE).minusMonths(3), null, null);
		System.out.printf("%n## Report benchmark: %,d requests, busiest site %s (%,d requests), quarter %s to %s%n%n",
				data.requests(), busiest.code(), busiest.requests(), quarter.from(), quarter.to());
		Long[] one = { busiest.id() };
		Long[] all = siteIds.toArray(Long[]::new);
		System.out.println("| what | p50 (ms) | p95 (ms) | max (ms) |");
		System.out.println("|---|---|---|---|");
		for (int pass = 0; pass < 2; pass++) {
			measure("baseline: bare aggregate SQL, busiest site", () -> baseline(one, quarter));
			measure("dashboard, busiest site (its supervisor)", () -> reports.dashboard(supervisor, busiest.id(), quarter));
			measure("baseline: bare aggregate SQL, all 100 sites", () -> baseline(all, quarter));
			measure("dashboard, all 100 sites (head office)", () -> reports.dashboard(headOffice, null, quarter));
		}
		Dashboard dashboard = reports.dashboard(supervisor, busiest.id(), quarter);
		System.out.printf("%nBusiest site's quarter: %d requests, %d complaints, %d repeat, backlog %d%n",
				dashboard.headline().requests().count(), dashboard.headline().complaints().count(),
				dashboard.headline().repeatComplaints().count(), dashboard.headline().backlog().count());
		assertThat(dashboard.headline().requests().count()).isPositive();
		Quarter last = analyses.lastQuarter();
		System.out.printf("%n## Quarterly complaint analysis, %s%n%n| what | p50 (ms) | p95 (ms) | max (ms) |%n|---|---|---|---|%n",
				last);
		double allSites = 0;
		for (int pass = 0; pass < 2; pass++) {
			measure("baseline: bare complaint aggregates and repeats, busiest site", () -> quarterlyBaseline(one, last));
			measure("quarterly figures, busiest site (its supervisor)", () -> analyses.figures(supervisor, busiest.id(), last));
			measure("baseline: bare complaint aggregates and repeats, all 100 sites", () -> quarterlyBaseline(all, last));
			allSites = measure("quarterly figures, all 100 sites (head office)", () -> analyses.figures(headOffice, null, last));
		}
		assertThat(analyses.figures(supervisor, busiest.id(), last).complaints().count()).isPositive();
		assertThat(allSites).as("p95 of all sites' quarterly figures, ms").isLessThanOrEqualTo(3000);
		System.out.printf("%n## Staff performance, %s to %s%n%n| what | p50 (ms) | p95 (ms) | max (ms) |%n|---|---|---|---|%n",
				quarter.from(), quarter.to());
		for (int pass = 0; pass < 2; pass++) {
			measure("baseline: bare SQL, requests per owner, busiest site", () -> staffBaseline(one, quarter));
			measure("staff performance, busiest site (its supervisor)", () -> staffPerformance.sheet(supervisor, busiest.id(), quarter));
			measure("baseline: bare SQL, requests per owner, all 100 sites", () -> staffBaseline(all, quarter));
			measure("staff performance, all 100 sites (head office)", () -> staffPerformance.sheet(headOffice, null, quarter));
		}
		StaffSheet sheet = staffPerformance.sheet(supervisor, busiest.id(), quarter);
		System.out.printf("%nBusiest site's staff: %d rows, %d requests taken on, %d callbacks reached, %d praise%n",
				sheet.rows().size(), sheet.rows().stream().mapToLong(StaffRow::received).sum(),
				sheet.rows().stream().mapToLong(StaffRow::reached).sum(), sheet.rows().stream().mapToLong(StaffRow::praise).sum());
		assertThat(sheet.rows().stream().mapToLong(StaffRow::reached).sum()).isPositive();
		exportsAndPacks(headOffice, data);
		for (var plan : List.of(new String[] { "bare aggregate, busiest site", BASELINE },
				new String[] { "repeat complaints, busiest site", REPEATS },
				new String[] { "complaints by category, busiest site", COMPLAINT_CATEGORIES },
				new String[] { "staff clocks, busiest site", STAFF_CLOCKS },
				new String[] { "staff callbacks, busiest site", STAFF_CALLBACKS })) {
			List<String> lines = explain(plan[1], one, quarter);
			System.out.printf("%n### EXPLAIN (ANALYZE, BUFFERS): %s%n%n```%n%s%n```%n", plan[0], String.join("\n", lines));
			assertThat(lines).noneMatch(l -> l.matches(".*Seq Scan on (service_request|request_clock|callback) .*"));
		}
	}

	/**
	 * The longest export there is — every complaint of all sites over the generated years,
	 * through the cursor into a streamed workbook — beside the bare SQL reading the same
	 * rows; then the month's packs of every site, made as the schedule makes them.
	 */
	private void exportsAndPacks(CurrentUser headOffice, Result data) {
		ReportPeriod years = new ReportPeriod(LocalDate.now(KefuApplication.ZONE).minusYears(2).plusDays(1),
				LocalDate.now(KefuApplication.ZONE));
		System.out.printf("%n## Exports and packs%n%n| what | rows | ms | rows/s |%n|---|---|---|---|%n");
		long bareStart = System.nanoTime();
		long bare = jdbc.sql("""
				select count(*) from (select r.*, c.name from request.service_request r
				left join request.category c on c.id = r.category_id
				where r.site_id = any(:sites) and r.registered_at >= :from and r.type = 'COMPLAINT') x""")
			.param("sites", headOffice.sites())
			.param("from", start(years.from()))
			.query(Long.class)
			.single();
		row("baseline: bare SQL over the same complaints", bare, System.nanoTime() - bareStart);
		long[] rows = { 0 };
		long[] bytes = { 0 };
		Runtime runtime = Runtime.getRuntime();
		long exportStart = System.nanoTime();
		OutputStream counting = new OutputStream() {
			@Override
			public void write(int b) {
				bytes[0]++;
			}

			@Override
			public void write(byte[] b, int off, int len) {
				bytes[0] += len;
			}
		};
		try (TableWorkbook workbook = new TableWorkbook(counting)) {
			TableWorkbook.Table sheet = ReportWorkbooks.complaints(workbook, "benchmark");
			reports.complaints(headOffice, null, years, line -> {
				ReportWorkbooks.complaint(sheet, line);
				rows[0]++;
			});
		}
		row("complaint summary of all sites over two years, streamed .xlsx (" + bytes[0] / 1024 / 1024 + " MB)", rows[0],
				System.nanoTime() - exportStart);
		System.out.printf("%nHeap in use after the export: %d MB of %d MB max%n",
				(runtime.totalMemory() - runtime.freeMemory()) / 1024 / 1024, runtime.maxMemory() / 1024 / 1024);
		assertThat(rows[0]).isEqualTo(bare);
		LocalDate packDay = LocalDate.now(KefuApplication.ZONE).minusMonths(1).withDayOfMonth(25);
		long packStart = System.nanoTime();
		int made = packs.generateDue(packDay);
		row("report packs due on " + packDay + " for all " + data.sites().size() + " sites (monthly and quarterly)",
				made, System.nanoTime() - packStart);
		assertThat(made).isGreaterThanOrEqualTo(data.sites().size());
	}

	private static void row(String what, long rows, long nanos) {
		System.out.printf("| %s | %,d | %,.0f | %,.0f |%n", what, rows, nanos / 1e6, rows / (nanos / 1e9));
	}

	private Object baseline(Long[] sites, ReportPeriod period) {
		ZoneId zone = KefuApplication.ZONE;
		return jdbc.sql(BASELINE)
			.params(sites, period.from().atStartOfDay(zone).toOffsetDateTime(),
					period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.query()
			.singleRow();
	}

	private Object staffBaseline(Long[] sites, ReportPeriod period) {
		return jdbc.sql(STAFF)
			.params(sites, start(period.from()), start(period.to().plusDays(1)))
			.query()
			.listOfRows();
	}

	private Object quarterlyBaseline(Long[] sites, Quarter quarter) {
		for (Quarter q : List.of(quarter, quarter.previous(), quarter.yearBefore())) {
			jdbc.sql(COMPLAINT_CATEGORIES).params(sites, start(q.from()), start(q.to().plusDays(1))).query().listOfRows();
		}
		return jdbc.sql(REPEATS).params(sites, start(quarter.from()), start(quarter.to().plusDays(1))).query().singleRow();
	}

	private static OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(KefuApplication.ZONE).toOffsetDateTime();
	}

	private List<String> explain(String sql, Long[] sites, ReportPeriod period) {
		ZoneId zone = KefuApplication.ZONE;
		return jdbc.sql("explain (analyze, buffers) " + sql)
			.params(sites, period.from().atStartOfDay(zone).toOffsetDateTime(),
					period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.query(String.class)
			.list();
	}

	/** Prints the p50, p95 and maximum of the calls; returns the p95. */
	private static double measure(String what, Supplier<Object> call) {
		for (int i = 0; i < WARM_UP; i++) {
			call.get();
		}
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			long start = System.nanoTime();
			call.get();
			times.add((System.nanoTime() - start) / 1e6);
		}
		times.sort(Double::compare);
		System.out.printf("| %s | %.1f | %.1f | %.1f |%n", what, times.get(CALLS / 2), times.get(CALLS * 95 / 100),
				times.get(CALLS - 1));
		return times.get(CALLS * 95 / 100);
	}
}
