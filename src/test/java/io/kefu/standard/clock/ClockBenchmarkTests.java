package io.kefu.standard.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.kefu.KefuIntegrationTest;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 running clocks whose warnings and breaches fall due over four minutes, fired
 * by the real scheduled sweep (every 15 s): how long each pass takes, how late each
 * warning and breach is, that each fires once, and what the sweeping does to intake
 * latency (the same intake rate measured before, while the sweeps run, and after). Run with
 * {@code mvn -q test -Dtest=ClockBenchmarkTests -Dkefu.benchmark=true}.
 */
@KefuIntegrationTest
@EnabledIfSystemProperty(named = "kefu.benchmark", matches = "true")
class ClockBenchmarkTests {

	static final int CLOCKS = Integer.getInteger("kefu.benchmark.clocks", 100_000);

	static final Duration SPREAD = Duration.parse(System.getProperty("kefu.benchmark.spread", "PT4M"));

	static final Duration BREACH_AFTER_WARNING = Duration.ofMinutes(1);

	/** How long intake is measured with no clock due, before and after the sweeping. */
	static final Duration BASELINE = Duration.ofSeconds(90);

	/** Intakes per second while measuring, a busy service center's peak several times over. */
	static final int INTAKE_RATE = 20;

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aHundredThousandRunningClocks() throws Exception {
		FieldSite site = mother.fieldSite();
		mother.staffMember(site.siteAndAdmin(), Role.SUPERVISOR, "主管", null);
		long rule = jdbc.sql("""
				select r.id from standard.clock_rule r join standard.service_standard s on s.id = r.standard_id
				where s.name = '其他工单' and r.kind = 'COMPLETION' and not r.retired""").query(Long.class).single();
		Instant start = Instant.now().plus(BASELINE).plusSeconds(20);
		long generating = System.nanoTime();
		generate(site, rule, start);
		System.out.printf("generated %,d running clocks in %.1f s%n", CLOCKS, (System.nanoTime() - generating) / 1e9);
		passes = meters.get("kefu.clocks.sweep").timer();
		List<Long> before = intakeUntil(site, start.minusSeconds(5));
		longestPass = 0;

		long passesBefore = passes.count();
		Instant end = start.plus(SPREAD).plus(BREACH_AFTER_WARNING).plusSeconds(45);
		List<Long> during = intakeUntil(site, end);
		double longestWhileDue = longestPass;
		assertThat(jdbc.sql("select count(*) from standard.request_clock where request_id >= :base and next_fire_at is not null")
			.param("base", BASE).query(Long.class).single()).as("everything fired").isZero();
		List<Long> after = intakeUntil(site, Instant.now().plus(BASELINE));

		System.out.printf("sweep passes: %d, longest %.0f ms%n", passes.count() - passesBefore, longestWhileDue);
		assertThat(longestWhileDue).as("each pass under 5 s").isLessThan(5000);
		lateness("WARNING", "c.warn_at");
		lateness("BREACH", "c.due_at");
		assertThat(jdbc.sql("""
				select count(*) from (select clock_id, level from standard.notification where request_id >= :base
				                      group by clock_id, level having count(*) > 1) twice""")
			.param("base", BASE).query(Long.class).single()).as("no step fired twice").isZero();
		assertThat(jdbc.sql("select count(*) from standard.request_clock where request_id >= :base and state = 'BREACHED' and fired = 2")
			.param("base", BASE).query(Long.class).single()).isEqualTo(CLOCKS);
		System.out.printf("intake before:         %s%nintake while sweeping: %s%nintake after:          %s%n", stats(before),
				stats(during), stats(after));
	}

	private static final long BASE = 1_000_000_000_000L;

	private Timer passes;

	/** The longest sweep pass seen, read from the timer's recent maximum while intake runs. */
	private double longestPass;

	/** Requests the clocks belong to (as the clocks module keeps them), and their clocks, set-based. */
	private void generate(FieldSite site, long rule, Instant start) {
		jdbc.sql("""
				insert into standard.request_standard (request_id, site_id, number, standard_id, owner_id)
				select :base + g, :site, 'BENCH-' || g, (select standard_id from standard.clock_rule where id = :rule), :owner
				from generate_series(1, :n) g""")
			.param("base", BASE).param("site", site.site().id()).param("rule", rule)
			.param("owner", site.agent().user().accountId()).param("n", CLOCKS)
			.update();
		jdbc.sql("""
				insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, warn_at,
				                                    due_at, next_fire_at, created_at)
				select :base + g, :site, :rule, 'COMPLETION', 'RUNNING', :start - interval '1 hour', w,
				       w + :breach * interval '1 millisecond', w, now()
				from (select g, :start + (g * :spread / :n) * interval '1 millisecond' as w
				      from generate_series(1, :n) g) due""")
			.param("base", BASE).param("site", site.site().id()).param("rule", rule)
			.param("start", start.atOffset(java.time.ZoneOffset.UTC)).param("spread", SPREAD.toMillis())
			.param("breach", BREACH_AFTER_WARNING.toMillis()).param("n", CLOCKS)
			.update();
		jdbc.sql("analyze standard.request_clock").update();
		jdbc.sql("analyze standard.request_standard").update();
	}

	/**
	 * Registers requests at {@link #INTAKE_RATE} per second until {@code end}, on a fixed-rate
	 * schedule; returns each one's latency in microseconds.
	 */
	private List<Long> intakeUntil(FieldSite site, Instant end) throws InterruptedException {
		long category = requests.categories(RequestType.REPAIR).stream().filter(c -> c.name().equals("门窗")).findFirst()
			.orElseThrow().id();
		List<Long> latencies = new ArrayList<>();
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		ScheduledFuture<?> calls = pacer.scheduleAtFixedRate(() -> {
			long began = System.nanoTime();
			requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.REPAIR, category,
					Channel.PHONE, Priority.NORMAL, false, null, "测试", null, false, null, null, null, "单元门坏了", null),
					null);
			latencies.add((System.nanoTime() - began) / 1_000);
			longestPass = Math.max(longestPass, passes.max(TimeUnit.MILLISECONDS));
		}, 0, 1_000_000_000L / INTAKE_RATE, TimeUnit.NANOSECONDS);
		pacer.schedule(pacer::shutdown, Duration.between(Instant.now(), end).toMillis(), TimeUnit.MILLISECONDS);
		assertThat(pacer.awaitTermination(Duration.between(Instant.now(), end).toSeconds() + 60, TimeUnit.SECONDS))
			.as("the intake ends on time").isTrue();
		assertThat(calls.isCancelled()).as("stopped by the shutdown, not by a failed registration").isTrue();
		return latencies;
	}

	private void lateness(String level, String point) {
		List<Double> late = jdbc.sql("""
				select extract(epoch from n.created_at - %s) from standard.notification n
				join standard.request_clock c on c.id = n.clock_id
				where n.request_id >= :base and n.level = :level order by 1""".formatted(point))
			.param("base", BASE).param("level", level)
			.query(Double.class)
			.list();
		assertThat(late).as(level).hasSize(CLOCKS);
		System.out.printf("%s fired after its time: p50 %.1f s, p99 %.1f s, max %.1f s (%,d)%n", level,
				late.get(late.size() / 2), late.get((int) (late.size() * 0.99)), late.get(late.size() - 1), late.size());
		assertThat(late.get(late.size() - 1)).as(level + " within a minute").isLessThan(60);
	}

	private static String stats(List<Long> micros) {
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000;
		return "%,d requests, mean %.2f ms, p50 %.2f ms, p99 %.2f ms".formatted(sorted.size(), mean,
				sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
	}
}
