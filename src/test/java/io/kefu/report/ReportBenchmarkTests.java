package io.kefu.report;

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

	@Autowired
	RequestDataGenerator generator;

	@Autowired
	ReportManagement reports;

	@Autowired
	QuarterlyAnalyses analyses;

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
		for (var plan : List.of(new String[] { "bare aggregate, busiest site", BASELINE },
				new String[] { "repeat complaints, busiest site", REPEATS },
				new String[] { "complaints by category, busiest site", COMPLAINT_CATEGORIES })) {
			List<String> lines = explain(plan[1], one, quarter);
			System.out.printf("%n### EXPLAIN (ANALYZE, BUFFERS): %s%n%n```%n%s%n```%n", plan[0], String.join("\n", lines));
			assertThat(lines).noneMatch(l -> l.contains("Seq Scan on service_request"));
		}
	}

	private Object baseline(Long[] sites, ReportPeriod period) {
		ZoneId zone = KefuApplication.ZONE;
		return jdbc.sql(BASELINE)
			.params(sites, period.from().atStartOfDay(zone).toOffsetDateTime(),
					period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.query()
			.singleRow();
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
