package io.kefu.callback;

import static io.kefu.callback.domain.Callbacks.instant;
import static io.kefu.callback.domain.Callbacks.offset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kefu.shared.Satisfaction;
import io.kefu.callback.domain.CallbackScript;
import io.kefu.callback.domain.Callbacks;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Page;
import io.kefu.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The callback queue, a callback's page and the callback figures, limited to the caller's sites in the SQL. */
@Service
public class CallbackQueries {

	/** Open callbacks by due time, the most overdue first, those waiting for rain (no due time yet) last. */
	private static final String DUE = "coalesce(c.due_at, 'infinity'::timestamptz)";

	private static final String ROW = """
			select c.*, (select count(*) from callback.callback_attempt a where a.callback_id = c.id) as attempts
			from callback.callback c
			""";

	/** Who reads the callbacks behind the figures: those who make callbacks, quality staff and executives. */
	public static final Set<Role> FIGURE_READERS = Stream
		.concat(CallbackManagement.CALLBACK_STAFF.stream(), Stream.of(Role.QUALITY, Role.EXECUTIVE))
		.collect(Collectors.toUnmodifiableSet());

	private final JdbcClient jdbc;

	private final Callbacks callbacks;

	private final ServiceRequestQueries requests;

	private final DirectoryManagement directory;

	private final CallbackScript script;

	private final Clock clock;

	CallbackQueries(JdbcClient jdbc, Callbacks callbacks, ServiceRequestQueries requests, DirectoryManagement directory,
			CallbackScript script, Clock clock) {
		this.jdbc = jdbc;
		this.callbacks = callbacks;
		this.requests = requests;
		this.directory = directory;
		this.script = script;
		this.clock = clock;
	}

	/** A page of the open callbacks of the caller's sites (or one of them); the cursor is the last row's due time and id. */
	public Page<CallbackSummary> queue(CurrentUser user, Long siteId, String cursor, Integer size) {
		requireCallbackStaff(user);
		int limit = Page.size(size);
		Cursor after = Cursor.parse(cursor);
		String keyset = after == null ? "true" : after.at() == null ? AFTER_RAIN : AFTER_DUE;
		Long[] sites = user.sites(siteId);
		List<CallbackSummary> rows = jdbc.sql(queueSql(sites.length == 1 ? ONE_SITE : SITES, keyset))
			.param("sites", sites)
			.param("site", sites.length == 1 ? sites[0] : 0)
			.param("due", after == null ? null : offset(after.at()))
			.param("after", after == null ? 0 : after.id())
			.param("limit", limit + 1)
			.query((rs, n) -> summary(user, rs))
			.list();
		return page(rows, limit, CallbackSummary::dueAt);
	}

	static final String AFTER_DUE = "(" + DUE + ", c.id) > (:due, :after)";

	/** Past the last of the due ones: only those waiting for rain, written so that the queue index finds them. */
	static final String AFTER_RAIN = DUE + " = 'infinity'::timestamptz and c.id > :after";

	/**
	 * One site reads the queue index in its order and stops at the page's end; PostgreSQL 15
	 * keeps no index order over {@code = any(…)}, so several sites sort their open callbacks.
	 */
	static final String ONE_SITE = "c.site_id = :site";

	static final String SITES = "c.site_id = any(:sites)";

	/** The queue's SQL for the sites and the keyset condition (the tests EXPLAIN it). */
	static String queueSql(String sites, String keyset) {
		return ROW + " where " + sites + " and c.state = 'OPEN' and " + keyset + " order by " + DUE
				+ ", c.id limit :limit";
	}

	public CallbackCounts counts(CurrentUser user, Long siteId) {
		requireCallbackStaff(user);
		return jdbc.sql("""
				select count(*) as open, count(*) filter (where c.due_at < :now) as overdue,
				       count(*) filter (where c.waiting_for_rain) as waiting
				from callback.callback c where c.site_id = any(:sites) and c.state = 'OPEN'""")
			.param("sites", user.sites(siteId))
			.param("now", offset(clock.instant()))
			.query((rs, n) -> new CallbackCounts(rs.getLong("open"), rs.getLong("overdue"), rs.getLong("waiting")))
			.single();
	}

	/** A callback with its tries, its request's history and the script filled in for the caller. */
	public CallbackDetails details(CurrentUser user, long id) {
		requireCallbackStaff(user);
		return jdbc.sql(ROW + " where c.id = :id and c.site_id = any(:sites)")
			.param("id", id)
			.param("sites", user.sites())
			.query((rs, n) -> {
				CallbackSummary summary = summary(user, rs);
				String method = rs.getString("method");
				String satisfaction = rs.getString("satisfaction");
				SiteSummary site = directory.site(user, summary.siteId());
				return new CallbackDetails(summary, method == null ? null : CallbackMethod.valueOf(method),
						satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getString("comment"),
						rs.getString("closed_by_name"), instant(rs, "closed_at"), callbacks.attempts(id),
						requests.details(user, summary.requestId()).history(),
						script.forCall(user, site.name(), summary, clock.getZone()));
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该回访"));
	}

	/** The callbacks of a request, newest first (for its page). */
	public List<CallbackSummary> ofRequest(CurrentUser user, long requestId) {
		return jdbc.sql(ROW + " where c.request_id = :request and c.site_id = any(:sites) order by c.id desc")
			.param("request", requestId)
			.param("sites", user.sites())
			.query((rs, n) -> summary(user, rs))
			.list();
	}

	/**
	 * The callbacks of the requests resolved from {@code from} up to (not including)
	 * {@code to} in the caller's sites or one of them, those withdrawn by a reopening left
	 * out (as the figures count them), the latest resolution first; {@code reached} keeps
	 * those where the customer was reached. The cursor is the last row's resolution and id.
	 */
	public Page<CallbackSummary> ofResolutions(CurrentUser user, Long siteId, Instant from, Instant to, boolean reached,
			String cursor, Integer size) {
		if (!FIGURE_READERS.stream().anyMatch(user::hasRole)) {
			throw new AccessDeniedException("callback figures");
		}
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidInputException("from", "请选择正确的起止时间：开始须早于结束");
		}
		int limit = Page.size(size);
		Cursor after = Cursor.parse(cursor);
		List<CallbackSummary> rows = jdbc.sql(ROW + " where c.site_id = any(:sites) and c.resolved_at >= :from"
				+ " and c.resolved_at < :to and c.state " + (reached ? "= 'COMPLETED'" : "<> 'WITHDRAWN'")
				+ (after == null ? "" : " and (c.resolved_at, c.id) < (:at, :after)")
				+ " order by c.resolved_at desc, c.id desc limit :limit")
			.param("sites", user.sites(siteId))
			.param("from", offset(from))
			.param("to", offset(to))
			.param("at", after == null ? null : offset(after.at()))
			.param("after", after == null ? 0 : after.id())
			.param("limit", limit + 1)
			.query((rs, n) -> summary(user, rs))
			.list();
		return page(rows, limit, CallbackSummary::resolvedAt);
	}

	/** The first {@code limit} of one more row than a page, and the cursor after them if there was more. */
	private static Page<CallbackSummary> page(List<CallbackSummary> rows, int limit,
			Function<CallbackSummary, Instant> keyset) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		CallbackSummary last = rows.get(limit - 1);
		return new Page<>(rows.subList(0, limit), new Cursor(keyset.apply(last), last.id()).toString());
	}

	/** The latest callback of each of the requests that has one, in the caller's sites, by request id. */
	public Map<Long, LatestCallback> latestOf(CurrentUser user, Collection<Long> requestIds) {
		if (requestIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select distinct on (c.request_id) c.request_id, c.state, c.satisfaction, c.comment
				from callback.callback c where c.request_id = any(:requests) and c.site_id = any(:sites)
				order by c.request_id, c.id desc""")
			.param("requests", requestIds.toArray(Long[]::new))
			.param("sites", user.sites())
			.query((rs, n) -> new LatestCallback(rs.getLong("request_id"), CallbackState.valueOf(rs.getString("state")),
					rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
					rs.getString("comment")))
			.list()
			.stream()
			.collect(Collectors.toMap(LatestCallback::requestId, c -> c));
	}

	/**
	 * The callback figures of the requests resolved from {@code from} up to (not
	 * including) {@code to}, in the caller's sites or one of them, grouped as asked.
	 */
	public List<CallbackFigure> figures(CurrentUser user, Long siteId, FigureDimension by, Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidInputException("from", "请选择正确的起止时间：开始须早于结束");
		}
		FigureDimension dimension = by == null ? FigureDimension.SITE : by;
		String key = switch (dimension) {
			case SITE -> "c.site_id::text";
			case TYPE -> "c.type";
			case AGENT -> "c.closed_by::text";
		};
		String label = dimension == FigureDimension.AGENT ? "min(c.closed_by_name)" : key;
		Map<String, String> sites = directory.sites(user)
			.stream()
			.collect(Collectors.toMap(s -> String.valueOf(s.id()), s -> s.code() + " " + s.name(), (a, b) -> a));
		return jdbc.sql("select " + key + " as key, " + label + """
				 as label,
				       count(*) filter (where c.state <> 'WITHDRAWN') as required,
				       count(*) filter (where c.state = 'COMPLETED') as done,
				       count(*) filter (where c.state = 'COMPLETED' and (c.due_at is null or c.closed_at <= c.due_at)) as on_time,
				       count(*) filter (where c.state = 'COMPLETED' and c.satisfaction in ('VERY_SATISFIED', 'SATISFIED')) as satisfied,
				       count(*) filter (where c.state = 'UNREACHABLE') as unreachable
				from callback.callback c
				where c.site_id = any(:sites) and c.resolved_at >= :from and c.resolved_at < :to
				""" + (dimension == FigureDimension.AGENT ? " and c.closed_by is not null" : "") + " group by " + key
				+ " order by " + key)
			.param("sites", user.sites(siteId))
			.param("from", offset(from))
			.param("to", offset(to))
			.query((rs, n) -> CallbackFigure.of(rs.getString("key"),
					labelOf(dimension, rs.getString("key"), rs.getString("label"), sites), rs.getLong("required"),
					rs.getLong("done"), rs.getLong("on_time"), rs.getLong("satisfied"), rs.getLong("unreachable")))
			.list();
	}

	/**
	 * Per staff member, the callbacks of the requests resolved from {@code from} up to (not
	 * including) {@code to} in the caller's sites or one of them: in one pass, each callback
	 * counts for whoever made it, the request's owner and the person who did the work.
	 */
	public List<StaffCallbackFigure> staffFigures(CurrentUser user, Long siteId, Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidInputException("from", "请选择正确的起止时间：开始须早于结束");
		}
		return jdbc.sql("""
				select s.account_id,
				       count(*) filter (where s.part = 'MADE') as made,
				       count(*) filter (where s.part = 'OWNER') as reached_as_owner,
				       count(*) filter (where s.part = 'OWNER' and c.satisfaction in ('VERY_SATISFIED', 'SATISFIED'))
				           as satisfied_as_owner,
				       count(*) filter (where s.part = 'ASSIGNEE') as reached_as_assignee,
				       count(*) filter (where s.part = 'ASSIGNEE' and c.satisfaction in ('VERY_SATISFIED', 'SATISFIED'))
				           as satisfied_as_assignee
				from callback.callback c
				cross join lateral (values ('MADE', c.closed_by), ('OWNER', c.request_owner_id),
				                           ('ASSIGNEE', c.request_assignee_id)) as s (part, account_id)
				where c.site_id = any(:sites) and c.resolved_at >= :from and c.resolved_at < :to
				  and c.state = 'COMPLETED' and s.account_id is not null
				group by s.account_id order by s.account_id""")
			.param("sites", user.sites(siteId))
			.param("from", offset(from))
			.param("to", offset(to))
			.query((rs, n) -> new StaffCallbackFigure(rs.getLong("account_id"), rs.getLong("made"),
					rs.getLong("reached_as_owner"), rs.getLong("satisfied_as_owner"), rs.getLong("reached_as_assignee"),
					rs.getLong("satisfied_as_assignee")))
			.list();
	}

	private static String labelOf(FigureDimension dimension, String key, String label, Map<String, String> sites) {
		return switch (dimension) {
			case SITE -> sites.getOrDefault(key, key);
			case TYPE -> key;
			case AGENT -> label;
		};
	}

	private static CallbackSummary summary(CurrentUser user, ResultSet rs) throws SQLException {
		String phone = rs.getString("phone");
		return new CallbackSummary(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("site_id"),
				rs.getString("number"), RequestType.valueOf(rs.getString("type")), rs.getString("category_name"),
				rs.getString("place"), rs.getString("requester"), user.seesPersonalData() ? phone : PhoneNumber.mask(phone),
				rs.getString("result"), instant(rs, "resolved_at"), instant(rs, "due_at"),
				rs.getBoolean("waiting_for_rain"), instant(rs, "next_try_at"), rs.getInt("attempts"),
				CallbackState.valueOf(rs.getString("state")),
				rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
				rs.getString("closed_by_name"), rs.getInt("version"));
	}

	/**
	 * A keyset: the last row's time (the queue's due time, none while waiting for rain; a
	 * resolution) and id, as {@code micros-id} or {@code rain-id}.
	 */
	private record Cursor(Instant at, long id) {

		static Cursor parse(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			String[] parts = text.split("-", -1);
			try {
				if (parts.length == 2) {
					return new Cursor("rain".equals(parts[0]) ? null : Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
							Long.parseLong(parts[1]));
				}
			}
			catch (NumberFormatException ex) {
				// refused below
			}
			throw new InvalidInputException("cursor", "分页游标无效");
		}

		@Override
		public String toString() {
			return (at == null ? "rain" : String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, at))) + "-" + id;
		}
	}

	/** The queue and the callbacks' details, phones included, are for those who make callbacks. */
	private static void requireCallbackStaff(CurrentUser user) {
		if (!CallbackManagement.makesCallbacks(user)) {
			throw new AccessDeniedException("callback staff only");
		}
	}
}
