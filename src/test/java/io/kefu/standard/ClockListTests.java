package io.kefu.standard;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Page;
import io.kefu.standard.ClockMother.KnownClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The clocks behind the on-time figures: known clocks of two sites in a month two months
 * back, listed by every filter, a page at a time, in the service, the page and the API.
 */
@KefuIntegrationTest
class ClockListTests {

	static final YearMonth MONTH = YearMonth.now(KefuApplication.ZONE).minusMonths(2);

	static final LocalDate FIRST = MONTH.atDay(1);

	static final LocalDate LAST = MONTH.atEndOfMonth();

	@Autowired
	RequestMother requests;

	@Autowired
	ClockMother mother;

	@Autowired
	ClockManagement clocks;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@LocalServerPort
	int port;

	FieldSite a;

	FieldSite b;

	CurrentUser managerOfA;

	/** Site a's clocks in the month, newest started first (a5 and a4 start together; a5 was made later). */
	KnownClock a8, a7, a5, a4, a3, a2, a1, a10;

	KnownClock b1, b2;

	@BeforeEach
	void twoSitesOfClocks() {
		a = requests.fieldSite();
		b = requests.fieldSite();
		managerOfA = a.siteManager().user();
		long complaints = ClockMother.COMPLAINTS;
		ClockKind completion = ClockKind.COMPLETION;
		mother.clock(a, complaints, completion, ClockState.MET, FIRST.minusDays(1).atTime(23, 59).atZone(KefuApplication.ZONE),
				null, null);
		a10 = mother.clock(a, complaints, completion, ClockState.BREACHED, at(1, 0, 0), at(1, 8, 0), at(1, 9, 0));
		a1 = mother.clock(a, complaints, completion, ClockState.MET, at(2, 9, 0), at(3, 9, 0), at(2, 15, 0));
		a2 = mother.clock(a, complaints, completion, ClockState.BREACHED, at(4, 9, 0), at(5, 9, 0), at(5, 11, 30));
		a3 = mother.clock(a, complaints, completion, ClockState.BREACHED, at(6, 9, 0), at(7, 9, 0), null);
		a4 = mother.clock(a, complaints, ClockKind.CALLBACK, ClockState.RUNNING, at(8, 9, 0), at(11, 9, 0), null);
		a5 = mother.clock(a, complaints, ClockKind.CALLBACK, ClockState.PAUSED, at(8, 9, 0), null, null);
		mother.clock(a, complaints, completion, ClockState.CANCELLED, at(10, 9, 0), at(11, 9, 0), null);
		a7 = mother.clock(a, ClockMother.OTHERS, completion, ClockState.MET, at(12, 9, 0), at(15, 9, 0), at(13, 9, 0));
		a8 = mother.clock(a, complaints, completion, ClockState.MET, at(LAST.getDayOfMonth(), 23, 30), null,
				at(LAST.getDayOfMonth(), 23, 45));
		mother.clock(a, complaints, completion, ClockState.MET, LAST.plusDays(1).atStartOfDay(KefuApplication.ZONE),
				null, null);
		b1 = mother.clock(b, complaints, completion, ClockState.BREACHED, at(4, 9, 0), at(5, 9, 0), null);
		b2 = mother.clock(b, complaints, completion, ClockState.MET, at(2, 9, 0), at(3, 9, 0), at(2, 10, 0));
	}

	@Test
	void eachFilterListsExactlyItsClocksNewestStartedFirst() {
		assertThat(list(filter(null, null, null))).containsExactly(a8, a7, a5, a4, a3, a2, a1, a10);
		assertThat(list(filter(null, null, "MET"))).containsExactly(a8, a7, a1);
		assertThat(list(filter(null, null, "BREACHED"))).containsExactly(a3, a2, a10);
		assertThat(list(filter(null, null, "RUNNING"))).containsExactly(a5, a4);
		assertThat(list(filter(null, null, "FINISHED"))).containsExactly(a8, a7, a3, a2, a1, a10);
		assertThat(list(filter(ClockMother.COMPLAINTS, null, null))).containsExactly(a8, a5, a4, a3, a2, a1, a10);
		assertThat(list(filter(ClockMother.COMPLAINTS, "COMPLETION", "BREACHED"))).containsExactly(a3, a2, a10);
		assertThat(list(filter(null, "CALLBACK", null))).containsExactly(a5, a4);
		assertThat(list(filter(ClockMother.OTHERS, "COMPLETION", "MET"))).containsExactly(a7);
		assertThat(list(filter(ClockMother.OTHERS, "CALLBACK", null))).isEmpty();

		List<ClockListItem> breached = clocks.clocks(managerOfA, filter(null, null, "BREACHED"), null, null).items();
		ClockListItem second = breached.get(1);
		assertThat(second.requestId()).isEqualTo(a2.requestId());
		assertThat(second.number()).isEqualTo(a2.number());
		assertThat(second.siteId()).isEqualTo(a.site().id());
		assertThat(second.standardId()).isEqualTo(ClockMother.COMPLAINTS);
		assertThat(second.standardName()).isEqualTo(mother.standardName(ClockMother.COMPLAINTS));
		assertThat(second.kind()).isEqualTo(ClockKind.COMPLETION);
		assertThat(second.state()).isEqualTo(ClockState.BREACHED);
		assertThat(second.startedAt()).isEqualTo(at(4, 9, 0).toInstant());
		assertThat(second.dueAt()).isEqualTo(at(5, 9, 0).toInstant());
		assertThat(second.stoppedAt()).isEqualTo(at(5, 11, 30).toInstant());
		assertThat(second.late()).as("stopped 2½ hours past due").isEqualTo(Duration.ofMinutes(150));
		assertThat(breached.get(2).late()).isEqualTo(Duration.ofHours(1));
		assertThat(breached.get(0).late()).as("still running: late until now")
			.isCloseTo(Duration.between(at(7, 9, 0).toInstant(), Instant.now()), Duration.ofMinutes(1));
		assertThat(clocks.clocks(managerOfA, filter(null, null, "MET"), null, null).items())
			.allSatisfy(c -> assertThat(c.late()).isNull());
	}

	@Test
	void theListHoldsTheClocksTheOnTimeFiguresCount() {
		List<OnTimeFigure> figures = clocks.onTime(managerOfA, a.site().id(), start(FIRST), start(LAST.plusDays(1)));
		OnTimeFigure completion = figures.stream()
			.filter(f -> f.standardId() == ClockMother.COMPLAINTS && f.kind() == ClockKind.COMPLETION)
			.findFirst()
			.orElseThrow();
		assertThat(List.of(completion.met(), completion.breached(), completion.running())).containsExactly(2L, 3L, 0L);
		assertThat(list(filter(ClockMother.COMPLAINTS, "COMPLETION", "MET"))).hasSize((int) completion.met());
		assertThat(figures.stream().mapToLong(f -> f.met() + f.breached() + f.running()).sum())
			.isEqualTo(list(filter(null, null, null)).size());
	}

	@Test
	void pagesFollowOneAnotherWithNoClockTwiceOrLeftOut() {
		for (int size : List.of(1, 2, 3)) {
			List<KnownClock> listed = new ArrayList<>();
			List<Integer> pageSizes = new ArrayList<>();
			String cursor = null;
			do {
				Page<ClockListItem> page = clocks.clocks(managerOfA, filter(null, null, null), cursor, size);
				page.items().forEach(c -> listed.add(known(c)));
				pageSizes.add(page.items().size());
				cursor = page.nextCursor();
			}
			while (cursor != null);
			assertThat(listed).as("pages of %d", size).containsExactly(a8, a7, a5, a4, a3, a2, a1, a10);
			assertThat(pageSizes).as("pages of %d", size).allMatch(n -> n <= size).hasSize((8 + size - 1) / size);
		}
		Page<ClockListItem> first = clocks.clocks(managerOfA, filter(null, null, "FINISHED"), null, 2);
		assertThat(first.items()).extracting(this::known).containsExactly(a8, a7);
		assertThat(clocks.clocks(managerOfA, filter(null, null, "FINISHED"), first.nextCursor(), 2).items())
			.extracting(this::known)
			.containsExactly(a3, a2);

		HttpTestClient api = new HttpTestClient(port).withBasic(a.siteManager().username(), a.siteManager().password());
		String page1 = api.get("/api/v1/clocks?site=" + a.site().id() + "&from=" + FIRST + "&to=" + LAST + "&size=3").body();
		assertThat(numbers(page1)).containsExactly(a8.number(), a7.number(), a5.number());
		Matcher next = Pattern.compile("\"nextCursor\":\"([0-9-]+)\"").matcher(page1);
		assertThat(next.find()).isTrue();
		String page2 = api.get("/api/v1/clocks?site=" + a.site().id() + "&from=" + FIRST + "&to=" + LAST + "&size=3&cursor="
				+ next.group(1)).body();
		assertThat(numbers(page2)).containsExactly(a4.number(), a3.number(), a2.number());

		HttpTestClient page = signedIn(a.siteManager());
		String html = page.get("/clocks?site=" + a.site().id() + "&from=" + FIRST + "&to=" + LAST).body();
		assertThat(html).doesNotContain("id=\"next-page\"");
		assertThat(numbers(html)).containsExactly(a8.number(), a7.number(), a5.number(), a4.number(), a3.number(),
				a2.number(), a1.number(), a10.number());
	}

	@Test
	void thePageSaysWhatItListsAndLinksEachRequest() {
		HttpTestClient page = signedIn(a.siteManager());
		HttpResponse<String> response = page.get("/clocks?site=" + a.site().id() + "&from=" + FIRST + "&to=" + LAST
				+ "&standard=" + ClockMother.COMPLAINTS + "&kind=COMPLETION&state=BREACHED");
		assertThat(response.statusCode()).isEqualTo(200);
		String html = response.body();
		assertThat(html).contains(">" + a.site().name() + " · " + FIRST + " 至 " + LAST + " · "
				+ mother.standardName(ClockMother.COMPLAINTS) + " · 办结时限 · 超时</p>");
		assertThat(numbers(html)).containsExactly(a3.number(), a2.number(), a10.number());
		assertThat(html).contains("href=\"/requests/" + a2.requestId() + "\"", "table-responsive", "d-print-none",
				"2小时30分", at(4, 9, 0).toLocalDateTime().toString().replace('T', ' '));
		String running = page.get("/clocks?from=" + FIRST + "&to=" + LAST + "&state=RUNNING").body();
		assertThat(running).contains(">" + FIRST + " 至 " + LAST + " · 进行中</p>", "计时中", "暂停计时");
		assertThat(numbers(running)).containsExactly(a5.number(), a4.number());

		jdbc.sql("""
				insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, due_at,
				                                    stopped_at, created_at)
				select c.request_id, c.site_id, c.clock_rule_id, c.kind, c.state, c.started_at + interval '1 minute' * g,
				       c.due_at, c.stopped_at, now()
				from standard.request_clock c, generate_series(1, 45) g where c.id = :clock""")
			.param("clock", a1.id())
			.update();
		String first = page.get("/clocks?site=" + a.site().id() + "&from=" + FIRST + "&to=" + LAST + "&state=FINISHED")
			.body();
		assertThat(numbers(first)).as("a page of 50 of the 51 finished").hasSize(50).doesNotContain(a10.number());
		Matcher more = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"").matcher(first);
		assertThat(more.find()).as(first).isTrue();
		assertThat(first).contains(">更多</a>");
		assertThat(numbers(page.get(more.group(1).replace("&amp;", "&")).body())).containsExactly(a10.number());
	}

	@Test
	void anotherSitesClocksAreNeverListed() {
		assertThat(list(filter(null, null, null))).doesNotContain(b1, b2);
		assertThatThrownBy(() -> clocks.clocks(managerOfA, siteFilter(b.site().id()), null, null))
			.isInstanceOf(NotFoundException.class)
			.hasMessage("没有找到该项目");
		CurrentUser both = staff.user(EnumSet.of(Role.QUALITY), List.of(a.site().id(), b.site().id())).user();
		assertThat(clocks.clocks(both, siteFilter(null), null, null).items()).extracting(this::known)
			.containsExactly(a8, a7, a5, a4, a3, b1, a2, b2, a1, a10);
		assertThat(clocks.clocks(both, siteFilter(b.site().id()), null, null).items()).extracting(this::known)
			.containsExactly(b1, b2);

		HttpTestClient page = signedIn(a.siteManager());
		assertThat(numbers(page.get("/clocks?from=" + FIRST + "&to=" + LAST).body())).doesNotContain(b1.number(),
				b2.number()).contains(a1.number());
		HttpResponse<String> other = page.get("/clocks?site=" + b.site().id() + "&from=" + FIRST + "&to=" + LAST);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).doesNotContain(b1.number());
		HttpTestClient api = new HttpTestClient(port).withBasic(a.siteManager().username(), a.siteManager().password());
		assertThat(numbers(api.get("/api/v1/clocks?from=" + FIRST + "&to=" + LAST).body())).doesNotContain(b1.number(),
				b2.number()).contains(a1.number());
		HttpResponse<String> otherApi = api.get("/api/v1/clocks?site=" + b.site().id() + "&from=" + FIRST + "&to=" + LAST);
		assertThat(otherApi.statusCode()).isEqualTo(404);
		assertThat(otherApi.body()).contains("没有找到该项目");
	}

	@Test
	void onlyReadersOfReportsListClocks() {
		CurrentUser agent = a.agent().user();
		assertThatThrownBy(() -> clocks.clocks(agent, siteFilter(null), null, null))
			.isInstanceOf(AccessDeniedException.class);
		for (Role reader : ClockManagement.READERS) {
			CurrentUser user = staff.user(EnumSet.of(reader), List.of(a.site().id())).user();
			assertThat(clocks.clocks(user, siteFilter(null), null, null).items()).as(reader.name()).hasSize(8);
		}
		HttpTestClient page = signedIn(a.agent());
		assertThat(page.get("/clocks?from=" + FIRST + "&to=" + LAST).statusCode()).isEqualTo(403);
		HttpTestClient api = new HttpTestClient(port).withBasic(a.agent().username(), a.agent().password());
		assertThat(api.get("/api/v1/clocks?from=" + FIRST + "&to=" + LAST).statusCode()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedWithAClearMessage() {
		assertThatThrownBy(() -> new ClockFilter(null, start(LAST), start(FIRST), null, null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("请选择正确的起止时间：开始须早于结束");
		assertThatThrownBy(() -> ClockFilter.days(null, LAST, FIRST, KefuApplication.ZONE, null, null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("开始日期不能晚于结束日期");
		assertThatThrownBy(() -> ClockFilter.days(null, null, LAST, KefuApplication.ZONE, null, null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("请选择开始和结束日期");
		assertThatThrownBy(() -> filter(null, "LATE", null)).isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("时限类型“LATE”无效，可选：ACKNOWLEDGE、DISPATCH");
		assertThatThrownBy(() -> filter(null, null, "OVERDUE")).isInstanceOf(InvalidInputException.class)
			.hasMessage("状态“OVERDUE”无效，可选：MET、BREACHED、RUNNING、FINISHED");
		assertThatThrownBy(() -> clocks.clocks(managerOfA, siteFilter(null), "x-1", null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("分页游标无效");

		HttpTestClient page = signedIn(a.siteManager());
		HttpResponse<String> reversed = page.get("/clocks?from=" + LAST + "&to=" + FIRST);
		assertThat(reversed.statusCode()).isEqualTo(400);
		assertThat(reversed.body()).contains("开始日期不能晚于结束日期");
		HttpResponse<String> state = page.get("/clocks?from=" + FIRST + "&to=" + LAST + "&state=OVERDUE");
		assertThat(state.statusCode()).isEqualTo(400);
		assertThat(state.body()).contains("状态“OVERDUE”无效");
		HttpTestClient api = new HttpTestClient(port).withBasic(a.siteManager().username(), a.siteManager().password());
		HttpResponse<String> kind = api.get("/api/v1/clocks?from=" + FIRST + "&to=" + LAST + "&kind=LATE");
		assertThat(kind.statusCode()).isEqualTo(400);
		assertThat(kind.body()).contains("时限类型“LATE”无效");
		HttpResponse<String> days = api.get("/api/v1/clocks?to=" + LAST);
		assertThat(days.statusCode()).isEqualTo(400);
		assertThat(days.body()).contains("请选择开始和结束日期");
		assertThat(api.get("/api/v1/clocks?from=" + FIRST + "&to=" + LAST + "&cursor=1").statusCode()).isEqualTo(400);
	}

	/**
	 * Among a few thousand clocks of twenty other sites over a year, one site's page reads
	 * the site's clocks of the period by the (site_id, started_at) index.
	 */
	@Test
	void onePageOfOneSiteReadsItsClocksByTheSiteIndex() {
		List<String> plan = transactions.execute(tx -> {
			tx.setRollbackOnly();
			jdbc.sql("""
					insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, due_at,
					                                    stopped_at, created_at)
					select c.request_id, -1 - g % 20, c.clock_rule_id, c.kind, 'MET', now() - make_interval(hours => g),
					       now(), now(), now()
					from standard.request_clock c, generate_series(1, 5000) g where c.id = :clock""")
				.param("clock", a1.id())
				.update();
			jdbc.sql("analyze standard.request_clock").update();
			return jdbc.sql("explain " + ClockManagement.CLOCK_LIST)
				.param("sites", new Long[] { a.site().id() })
				.param("from", start(FIRST).atOffset(ZoneOffset.UTC))
				.param("to", start(LAST.plusDays(1)).atOffset(ZoneOffset.UTC))
				.param("states", new String[] { "MET", "BREACHED" })
				.param("kind", null)
				.param("standard", null)
				.param("beforeStarted", start(LAST.plusDays(1)).atOffset(ZoneOffset.UTC))
				.param("beforeId", Long.MAX_VALUE)
				.param("limit", 51)
				.query(String.class)
				.list();
		});
		String text = String.join("\n", plan);
		assertThat(text).as(text).contains("request_clock_site_started_idx").doesNotContain("Seq Scan on request_clock");
	}

	private List<KnownClock> list(ClockFilter filter) {
		return clocks.clocks(managerOfA, filter, null, null).items().stream().map(this::known).toList();
	}

	private KnownClock known(ClockListItem item) {
		return new KnownClock(item.clockId(), item.requestId(), item.number());
	}

	private ClockFilter filter(Long standard, String kind, String state) {
		return ClockFilter.days(a.site().id(), FIRST, LAST, KefuApplication.ZONE, standard, kind, state);
	}

	private static ClockFilter siteFilter(Long site) {
		return ClockFilter.days(site, FIRST, LAST, KefuApplication.ZONE, null, null, null);
	}

	private HttpTestClient signedIn(StaffMother.TestUser user) {
		HttpTestClient client = new HttpTestClient(port);
		client.signIn(user.username(), user.password());
		return client;
	}

	/** The request numbers of a clock list page or answer, in their order. */
	private static List<String> numbers(String body) {
		Matcher m = Pattern.compile("[\">]([A-Z0-9]+-\\d{6}-\\d{4})[\"<]").matcher(body);
		List<String> found = new ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(KefuApplication.ZONE).toInstant();
	}

	private static ZonedDateTime at(int day, int hour, int minute) {
		return LocalDateTime.of(MONTH.atDay(day), LocalTime.of(hour, minute)).atZone(KefuApplication.ZONE);
	}
}
