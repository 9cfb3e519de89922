package io.kefu.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.kefu.directory.DirectoryManagement;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Page;
import io.kefu.standard.clock.StandardRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of requests as people see them, and each person's notifications (the
 * bell). Limited to the caller's sites; a notification only to whom it was sent.
 */
@Service
public class ClockManagement {

	/** Who reads how the clocks fared: supervisors, site managers, quality staff, executives, administrators. */
	public static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.SITE_MANAGER, Role.QUALITY, Role.EXECUTIVE,
			Role.ADMINISTRATOR);

	private static final String CLOCKS = """
			select c.id, c.request_id, c.kind, c.state, c.fired, c.started_at, c.due_at, c.stopped_at, c.waiting_until,
			       c.paused_ms, c.paused_at
			from standard.request_clock c""";

	/**
	 * The clocks of {@link #clocks}, newest started first. The keyset runs on (started_at,
	 * id); the first page starts before (:to, max id), so that one statement serves every page.
	 */
	static final String CLOCK_LIST = """
			select c.id, c.request_id, q.number, c.site_id, s.id as standard_id, s.name as standard_name, c.kind, c.state,
			       c.started_at, c.due_at, c.stopped_at
			from standard.request_clock c
			join standard.request_standard q on q.request_id = c.request_id
			join standard.clock_rule r on r.id = c.clock_rule_id
			join standard.service_standard s on s.id = r.standard_id
			where c.site_id = any(:sites) and c.started_at >= :from and c.started_at < :to and c.state = any(:states)
			  and (cast(:kind as text) is null or c.kind = cast(:kind as text))
			  and (cast(:standard as bigint) is null or r.standard_id = cast(:standard as bigint))
			  and (c.started_at, c.id) < (:beforeStarted, :beforeId)
			order by c.started_at desc, c.id desc
			limit :limit""";

	private final JdbcClient jdbc;

	private final StandardRules standards;

	private final DirectoryManagement directory;

	private final Clock clock;

	ClockManagement(JdbcClient jdbc, StandardRules standards, DirectoryManagement directory, Clock clock) {
		this.jdbc = jdbc;
		this.standards = standards;
		this.directory = directory;
		this.clock = clock;
	}

	public static boolean mayRead(CurrentUser user) {
		return READERS.stream().anyMatch(user::hasRole);
	}

	/** The standards that apply at the caller's sites, in the order they are tried: each site's own, then the company's. */
	public List<ServiceStandard> standards(CurrentUser user) {
		return standards.all().stream().filter(s -> s.siteId() == null || user.canSee(s.siteId())).toList();
	}

	/** Every clock of the request, the ones still running first. */
	public List<RequestClockView> clocksOf(CurrentUser user, long requestId) {
		boolean visible = jdbc.sql("select exists (select 1 from standard.request_standard where request_id = :request and site_id = any(:sites))")
			.param("request", requestId)
			.param("sites", user.sites())
			.query(Boolean.class)
			.single();
		if (!visible) {
			throw new NotFoundException("没有找到该工单");
		}
		Map<Long, List<RequestClockView.ClockChange>> changes = new LinkedHashMap<>();
		jdbc.sql("""
				select h.clock_id, h.changed_at, h.reason, h.old_due_at, h.new_due_at from standard.clock_change h
				join standard.request_clock c on c.id = h.clock_id where c.request_id = :request order by h.id""")
			.param("request", requestId)
			.query(rs -> {
				changes.computeIfAbsent(rs.getLong("clock_id"), k -> new ArrayList<>())
					.add(new RequestClockView.ClockChange(instant(rs, "changed_at"), rs.getString("reason"),
							instant(rs, "old_due_at"), instant(rs, "new_due_at")));
			});
		return jdbc.sql(CLOCKS + """
				 where c.request_id = :request
				order by c.stopped_at is not null, c.state = 'CANCELLED', c.due_at nulls last, c.id""")
			.param("request", requestId)
			.query((rs, n) -> view(rs, changes.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * The request's latest clock of this kind that was not cancelled, for other modules
	 * that follow a clock (a callback falls due by its clock); not limited to any sites.
	 */
	public Optional<RequestClockView> due(long requestId, ClockKind kind) {
		return jdbc.sql(CLOCKS + """
				 where c.request_id = :request and c.kind = :kind and c.state <> 'CANCELLED'
				order by c.id desc limit 1""")
			.param("request", requestId)
			.param("kind", kind.name())
			.query((rs, n) -> view(rs, List.of()))
			.optional();
	}

	/**
	 * For a page of a queue: per request, the running clock that falls due first (an
	 * overdue one before all others). Requests outside the caller's sites are left out.
	 */
	public Map<Long, RequestClockView> mostUrgent(CurrentUser user, List<Long> requestIds) {
		Map<Long, RequestClockView> urgent = new LinkedHashMap<>();
		jdbc.sql(CLOCKS + """
				 where c.request_id = any(:requests) and c.site_id = any(:sites) and c.stopped_at is null
				   and c.state in ('RUNNING', 'BREACHED', 'PAUSED', 'WAITING')
				order by c.request_id, c.state <> 'BREACHED', c.state <> 'RUNNING', c.due_at nulls last""")
			.param("requests", requestIds.toArray(Long[]::new))
			.param("sites", user.sites())
			.query(rs -> {
				urgent.putIfAbsent(rs.getLong("request_id"), view(rs, List.of()));
			});
		return urgent;
	}

	/**
	 * On-time figures per site, standard and clock kind for the clocks started from
	 * {@code from} up to (not including) {@code to}, in the caller's sites or one of them.
	 */
	public List<OnTimeFigure> onTime(CurrentUser user, Long siteId, Instant from, Instant to) {
		return onTime(user, siteId, from, to, null);
	}

	/**
	 * As {@link #onTime(CurrentUser, Long, Instant, Instant)}, only the clocks of the
	 * standards that name the type (null: of every standard). The clocks do not keep their
	 * request's type, so a standard naming several types counts the clocks of them all.
	 */
	public List<OnTimeFigure> onTime(CurrentUser user, Long siteId, Instant from, Instant to, RequestType type) {
		ClockFilter.requirePeriod(from, to);
		return jdbc.sql("""
				select c.site_id, s.id as standard_id, s.name as standard_name, c.kind,
				       count(*) filter (where c.state = 'MET') as met,
				       count(*) filter (where c.state = 'BREACHED') as breached,
				       count(*) filter (where c.state in ('RUNNING', 'PAUSED')) as running
				from standard.request_clock c
				join standard.clock_rule r on r.id = c.clock_rule_id
				join standard.service_standard s on s.id = r.standard_id
				where c.site_id = any(:sites) and c.started_at >= :from and c.started_at < :to and c.state <> 'CANCELLED'
				  and (cast(:type as text) is null or cast(:type as text) = any(s.types))
				group by c.site_id, s.id, s.name, s.position, c.kind
				order by c.site_id, s.position, c.kind""")
			.param("sites", user.sites(siteId))
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("type", type == null ? null : type.name())
			.query((rs, n) -> new OnTimeFigure(rs.getLong("site_id"), (Long) rs.getObject("standard_id"),
					rs.getString("standard_name"), ClockKind.valueOf(rs.getString("kind")), rs.getLong("met"),
					rs.getLong("breached"), rs.getLong("running")))
			.list();
	}

	/**
	 * The clocks behind an on-time figure, newest started first, a page at a time; the
	 * cursor is the last clock's start (in microseconds) and id. A site the caller may not
	 * see is not found.
	 */
	public Page<ClockListItem> clocks(CurrentUser user, ClockFilter filter, String cursor, Integer size) {
		if (!mayRead(user)) {
			throw new AccessDeniedException("clocks");
		}
		if (filter.siteId() != null) {
			directory.site(user, filter.siteId());
		}
		int limit = Page.size(size);
		long[] before = cursor == null || cursor.isBlank() ? null : parseCursor(cursor);
		Instant now = clock.instant();
		List<ClockListItem> rows = jdbc.sql(CLOCK_LIST)
			.param("sites", user.sites(filter.siteId()))
			.param("from", filter.from().atOffset(ZoneOffset.UTC))
			.param("to", filter.to().atOffset(ZoneOffset.UTC))
			.param("states", filter.states().stream().map(ClockState::name).toArray(String[]::new))
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("standard", filter.standardId())
			.param("beforeStarted", (before == null ? filter.to() : Instant.EPOCH.plus(before[0], ChronoUnit.MICROS))
				.atOffset(ZoneOffset.UTC))
			.param("beforeId", before == null ? Long.MAX_VALUE : before[1])
			.param("limit", limit + 1)
			.query((rs, n) -> listItem(rs, now))
			.list();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		ClockListItem last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit),
				ChronoUnit.MICROS.between(Instant.EPOCH, last.startedAt()) + "-" + last.clockId());
	}

	/**
	 * Per staff member, the clocks started from {@code from} up to (not including) {@code to}
	 * that have finished, in the caller's sites or one of them; the assignee is the one the
	 * request is (last) dispatched to.
	 */
	public List<StaffOnTimeFigure> onTimeByStaff(CurrentUser user, Long siteId, Instant from, Instant to) {
		ClockFilter.requirePeriod(from, to);
		return jdbc.sql("""
				select s.account_id, count(*) filter (where c.state = 'MET') as met,
				       count(*) filter (where c.state = 'BREACHED') as breached
				from standard.request_clock c
				join standard.clock_rule k on k.id = c.clock_rule_id
				join standard.request_standard q on q.request_id = c.request_id
				cross join lateral (select case when k.start_trigger = any(:fieldWork) then q.assignee_id
				                                else q.owner_id end as account_id) s
				where c.site_id = any(:sites) and c.started_at >= :from and c.started_at < :to
				  and c.state in ('MET', 'BREACHED') and s.account_id is not null
				group by s.account_id order by s.account_id""")
			.param("sites", user.sites(siteId))
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.param("fieldWork", Arrays.stream(ClockTrigger.values())
				.filter(ClockTrigger::fieldWork)
				.map(ClockTrigger::name)
				.toArray(String[]::new))
			.query((rs, n) -> new StaffOnTimeFigure(rs.getLong("account_id"), rs.getLong("met"), rs.getLong("breached")))
			.list();
	}

	/** Requests with a clock running past its due time, the longest overdue first (超时). */
	public List<OverdueClock> overdue(CurrentUser user, int limit) {
		return jdbc.sql("""
				select c.id, c.request_id, r.number, c.kind, c.due_at from standard.request_clock c
				join standard.request_standard r on r.request_id = c.request_id
				where c.site_id = any(:sites) and c.state = 'BREACHED' and c.stopped_at is null
				order by c.due_at, c.id limit :limit""")
			.param("sites", user.sites())
			.param("limit", limit)
			.query((rs, n) -> new OverdueClock(rs.getLong("id"), rs.getLong("request_id"), rs.getString("number"),
					ClockKind.valueOf(rs.getString("kind")), instant(rs, "due_at")))
			.list();
	}

	public long overdueCount(CurrentUser user) {
		return jdbc.sql("""
				select count(*) from standard.request_clock
				where site_id = any(:sites) and state = 'BREACHED' and stopped_at is null""")
			.param("sites", user.sites())
			.query(Long.class)
			.single();
	}

	public long unreadCount(CurrentUser user) {
		return jdbc.sql("select count(*) from standard.notification where account_id = :me and read_at is null")
			.param("me", user.accountId())
			.query(Long.class)
			.single();
	}

	/** The latest notifications of the caller, newest first. */
	public List<Notification> notifications(CurrentUser user, int limit) {
		return jdbc.sql("""
				select id, request_id, level, kind, number, due_at, created_at, read_at from standard.notification
				where account_id = :me order by id desc limit :limit""")
			.param("me", user.accountId())
			.param("limit", limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getLong("request_id"),
					NotificationLevel.valueOf(rs.getString("level")), ClockKind.valueOf(rs.getString("kind")),
					rs.getString("number"), instant(rs, "due_at"), instant(rs, "created_at"), instant(rs, "read_at")))
			.list();
	}

	/** Marks the caller's notification read and returns its request; another person's is not found. */
	@Transactional
	public long markRead(CurrentUser user, long id) {
		return jdbc.sql("""
				update standard.notification set read_at = coalesce(read_at, :now) where id = :id and account_id = :me
				returning request_id""")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("me", user.accountId())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该提醒"));
	}

	@Transactional
	public void markAllRead(CurrentUser user) {
		jdbc.sql("update standard.notification set read_at = :now where account_id = :me and read_at is null")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("me", user.accountId())
			.update();
	}

	private RequestClockView view(ResultSet rs, List<RequestClockView.ClockChange> changes) throws SQLException {
		Instant pausedAt = instant(rs, "paused_at");
		Duration paused = Duration.ofMillis(rs.getLong("paused_ms"))
			.plus(pausedAt == null ? Duration.ZERO : Duration.between(pausedAt, clock.instant()));
		return new RequestClockView(rs.getLong("id"), rs.getLong("request_id"), ClockKind.valueOf(rs.getString("kind")),
				ClockState.valueOf(rs.getString("state")), rs.getInt("fired") > 0, instant(rs, "started_at"),
				instant(rs, "due_at"), instant(rs, "stopped_at"), instant(rs, "waiting_until"), paused, changes);
	}

	private static ClockListItem listItem(ResultSet rs, Instant now) throws SQLException {
		ClockState state = ClockState.valueOf(rs.getString("state"));
		Instant due = instant(rs, "due_at");
		Instant stopped = instant(rs, "stopped_at");
		Duration late = state != ClockState.BREACHED || due == null ? null
				: Duration.between(due, stopped == null ? now : stopped);
		return new ClockListItem(rs.getLong("id"), rs.getLong("request_id"), rs.getString("number"), rs.getLong("site_id"),
				rs.getLong("standard_id"), rs.getString("standard_name"), ClockKind.valueOf(rs.getString("kind")), state,
				instant(rs, "started_at"), due, stopped, late);
	}

	private static long[] parseCursor(String cursor) {
		String[] parts = cursor.split("-", -1);
		if (parts.length == 2) {
			try {
				return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
			}
			catch (NumberFormatException ex) {
				// refused below
			}
		}
		throw new InvalidInputException("cursor", "分页游标无效");
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
