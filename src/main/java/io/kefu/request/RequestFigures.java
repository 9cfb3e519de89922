package io.kefu.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.kefu.request.RequestCounts.CategoryCount;
import io.kefu.request.RequestCounts.ChannelCount;
import io.kefu.request.RequestCounts.TypeCount;
import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of the requests registered in a period (the days {@code from} to {@code to},
 * both included, China Standard Time) at one site or, with no site, at every site the
 * user may see: what the report module composes into dashboards and summaries.
 */
@Service
public class RequestFigures {

	/** The user's sites and the period; served by {@code service_request_site_registered_idx}. */
	static final String IN_PERIOD = " r.site_id = any(:sites) and r.registered_at >= :from and r.registered_at < :to ";

	/**
	 * A complaint of the same category from the same household, room or public area in
	 * the 30 days before this one. Three lookups rather than one {@code or}, so that each
	 * uses the index of its column.
	 */
	static final String REPEAT = """
			r.type = 'COMPLAINT' and r.category_id is not null and (%s or %s or %s)"""
		.formatted(earlier("household_id"), earlier("room_id"), earlier("public_area_id"));

	/** Rows a cursor fetches at a time. */
	private static final int FETCH_SIZE = 500;

	/** Handled: resolved (and not reopened since), or answered and closed at intake. */
	static final String HANDLED = "(r.resolved_at is not null or r.status = 'CLOSED')";

	private final JdbcClient jdbc;

	private final Clock clock;

	RequestFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public RequestTotals totals(CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		return period(jdbc.sql("""
				select count(*) as requests,
				       count(*) filter (where r.type = 'COMPLAINT') as complaints,
				       count(*) filter (where r.type = 'SUGGESTION') as suggestions,
				       count(*) filter (where r.type = 'SUGGESTION' and r.resolved_at is not null
				                          and coalesce(btrim(r.reply), '') <> '') as replied,
				       count(r.resolved_at) as resolved,
				       avg(extract(epoch from r.resolved_at - r.registered_at)) as average_seconds,
				       percentile_cont(0.9) within group (order by extract(epoch from r.resolved_at - r.registered_at))
				           as p90_seconds
				from request.service_request r where""" + IN_PERIOD), user, siteId, from, to)
			.query((rs, n) -> new RequestTotals(rs.getLong("requests"), rs.getLong("complaints"),
					rs.getLong("suggestions"), rs.getLong("replied"), rs.getLong("resolved"),
					seconds(rs, "average_seconds"), seconds(rs, "p90_seconds")))
			.single();
	}

	/** By type, channel and category, in one pass over the period's requests; the largest first. */
	public RequestCounts counts(CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		Map<RequestType, Long> types = new EnumMap<>(RequestType.class);
		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		List<CategoryCount> categories = new ArrayList<>();
		period(jdbc.sql("""
				with counted as (
				    select grouping(r.type, r.channel, r.category_id) as sets, r.type, r.channel, r.category_id,
				           count(*) as n
				    from request.service_request r where""" + IN_PERIOD + """
				    group by grouping sets ((r.type), (r.channel), (r.type, r.category_id)))
				select g.*, c.name, p.name as parent_name from counted g
				left join request.category c on c.id = g.category_id
				left join request.category p on p.id = c.parent_id
				order by g.n desc, g.category_id"""), user, siteId, from, to).query(rs -> {
					long n = rs.getLong("n");
					switch (rs.getInt("sets")) {
						case 0b011 -> types.put(RequestType.valueOf(rs.getString("type")), n);
						case 0b101 -> channels.put(Channel.valueOf(rs.getString("channel")), n);
						default -> categories.add(new CategoryCount((Long) rs.getObject("category_id"),
								RequestType.valueOf(rs.getString("type")), rs.getString("name"),
								rs.getString("parent_name"), n));
					}
				});
		return new RequestCounts(
				types.entrySet().stream().map(e -> new TypeCount(e.getKey(), e.getValue())).toList(),
				channels.entrySet().stream().map(e -> new ChannelCount(e.getKey(), e.getValue())).toList(),
				categories);
	}

	/** The period's requests about a room, by room (for counting them by building). */
	public Map<Long, Long> countsByRoom(CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		Map<Long, Long> rooms = new LinkedHashMap<>();
		period(jdbc.sql("select r.room_id, count(*) as n from request.service_request r where" + IN_PERIOD
				+ " and r.room_id is not null group by r.room_id"), user, siteId, from, to)
			.query(rs -> {
				rooms.put(rs.getLong("room_id"), rs.getLong("n"));
			});
		return rooms;
	}

	/** The requests open now, by how long they have waited; every bucket, empty ones as 0. */
	public Map<AgeBucket, Long> backlog(CurrentUser user, Long siteId) {
		Map<AgeBucket, Long> buckets = new EnumMap<>(AgeBucket.class);
		for (AgeBucket bucket : AgeBucket.values()) {
			buckets.put(bucket, 0L);
		}
		jdbc.sql("select " + AgeBucket.sqlCase("(cast(:today as date) - cast(r.registered_at at time zone :zone as date))")
				+ " as bucket, count(*) as n from request.service_request r"
				+ " where r.site_id = any(:sites) and r.status not in ('RESOLVED', 'CLOSED') group by 1")
			.param("sites", user.sites(siteId))
			.param("today", LocalDate.now(clock))
			.param("zone", clock.getZone().getId())
			.query(rs -> {
				buckets.put(AgeBucket.values()[rs.getInt("bucket")], rs.getLong("n"));
			});
		return buckets;
	}

	/** Complaints of the period that repeat one from the same household or place within 30 days. */
	public long repeatComplaints(CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		return period(jdbc.sql("select count(*) from request.service_request r where" + IN_PERIOD + " and " + REPEAT),
				user, siteId, from, to)
			.query(Long.class)
			.single();
	}

	/** The period's complaints by responsible department and validity, the most first. */
	public List<DepartmentFigure> complaintDepartments(CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		return period(jdbc.sql("""
				select r.responsible_department,
				       count(*) filter (where r.complaint_valid) as valid,
				       count(*) filter (where not r.complaint_valid) as invalid,
				       count(*) filter (where r.complaint_valid is null) as undecided
				from request.service_request r where""" + IN_PERIOD + """
				 and r.type = 'COMPLAINT'
				group by r.responsible_department order by count(*) desc, r.responsible_department nulls last"""),
				user, siteId, from, to)
			.query((rs, n) -> new DepartmentFigure((Long) rs.getObject("responsible_department"), rs.getLong("valid"),
					rs.getLong("invalid"), rs.getLong("undecided")))
			.list();
	}

	/**
	 * Per staff member, in one pass over the period's requests (and the jobs completed in
	 * it, served by {@code service_request_site_completed_idx}): each request counts for its
	 * owner and for the staff member it names, each completed job for its assignee.
	 */
	public List<StaffRequestFigure> staff(CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		return period(jdbc.sql("""
				with parts as (
				    select s.part, s.account_id, r.type, r.resolved_at, r.status, r.complaint_valid
				    from request.service_request r
				    cross join lateral (values ('OWNER', r.owner_id), ('CONCERNED', r.concerned_staff_id))
				        as s (part, account_id)
				    where %s
				    union all
				    select 'ASSIGNEE', r.assignee_id, r.type, r.resolved_at, r.status, r.complaint_valid
				    from request.service_request r
				    where r.site_id = any(:sites) and r.completed_at >= :from and r.completed_at < :to)
				select r.account_id,
				       count(*) filter (where r.part = 'OWNER') as received,
				       count(*) filter (where r.part = 'OWNER' and %s) as handled,
				       count(*) filter (where r.part = 'ASSIGNEE') as completed,
				       count(*) filter (where r.part = 'CONCERNED' and r.type = 'PRAISE') as praise,
				       count(*) filter (where r.part = 'CONCERNED' and r.type = 'COMPLAINT') as complaints,
				       count(*) filter (where r.part = 'CONCERNED' and r.type = 'COMPLAINT' and r.complaint_valid) as valid,
				       count(*) filter (where r.part = 'CONCERNED' and r.type = 'COMPLAINT' and not r.complaint_valid)
				           as invalid
				from parts r where r.account_id is not null
				group by r.account_id order by r.account_id""".formatted(IN_PERIOD, HANDLED)), user, siteId, from, to)
			.query((rs, n) -> new StaffRequestFigure(rs.getLong("account_id"), rs.getLong("received"),
					rs.getLong("handled"), rs.getLong("completed"), rs.getLong("praise"), rs.getLong("complaints"),
					rs.getLong("valid"), rs.getLong("invalid")))
			.list();
	}

	/** The period's complaints by category, with the major ones and their validity; the most first. */
	public List<ComplaintCategoryFigure> complaintCategories(CurrentUser user, Long siteId, LocalDate from,
			LocalDate to) {
		return period(jdbc.sql("""
				with counted as (
				    select r.category_id, count(*) as n, count(*) filter (where r.major) as major,
				           count(*) filter (where r.complaint_valid) as valid,
				           count(*) filter (where not r.complaint_valid) as invalid,
				           count(*) filter (where r.complaint_valid is null) as undecided
				    from request.service_request r where""" + IN_PERIOD + """
				     and r.type = 'COMPLAINT' group by r.category_id)
				select g.*, c.name, p.name as parent_name from counted g
				left join request.category c on c.id = g.category_id
				left join request.category p on p.id = c.parent_id
				order by g.n desc, g.category_id nulls last"""), user, siteId, from, to)
			.query((rs, n) -> new ComplaintCategoryFigure((Long) rs.getObject("category_id"), rs.getString("name"),
					rs.getString("parent_name"), rs.getLong("n"), rs.getLong("major"), rs.getLong("valid"),
					rs.getLong("invalid"), rs.getLong("undecided")))
			.list();
	}

	/**
	 * Every complaint registered in the period, oldest first, handed over one at a time.
	 * Read through a cursor in a read-only transaction (PostgreSQL's driver fetches by
	 * cursor only outside auto-commit), so that a long export holds a few hundred rows,
	 * not all of them; what {@code each} reads joins the transaction.
	 */
	@Transactional(readOnly = true)
	public void complaints(CurrentUser user, Long siteId, LocalDate from, LocalDate to, Consumer<ComplaintEntry> each) {
		period(jdbc.sql("""
				select r.id, r.site_id, r.number, r.registered_at, r.contact_name, r.place, c.name as category_name,
				       p.name as parent_name, r.description, r.resolution, r.complaint_valid, r.responsible_department,
				       r.cause, r.corrective_action, r.status
				from request.service_request r
				left join request.category c on c.id = r.category_id
				left join request.category p on p.id = c.parent_id
				where""" + IN_PERIOD + " and r.type = 'COMPLAINT' order by r.registered_at, r.id"), user, siteId, from, to)
			.withFetchSize(FETCH_SIZE)
			.query(rs -> {
				each.accept(new ComplaintEntry(rs.getLong("id"), rs.getLong("site_id"), rs.getString("number"),
						rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("contact_name"),
						rs.getString("place"), rs.getString("category_name"), rs.getString("parent_name"),
						rs.getString("description"), rs.getString("resolution"), (Boolean) rs.getObject("complaint_valid"),
						(Long) rs.getObject("responsible_department"), rs.getString("cause"),
						rs.getString("corrective_action"), RequestStatus.valueOf(rs.getString("status"))));
			});
	}

	private StatementSpec period(StatementSpec sql, CurrentUser user, Long siteId, LocalDate from, LocalDate to) {
		return sql.param("sites", user.sites(siteId))
			.param("from", from.atStartOfDay(clock.getZone()).toOffsetDateTime())
			.param("to", to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
	}

	private static String earlier(String column) {
		return """
				exists (select 1 from request.service_request e where e.%1$s = r.%1$s and e.type = 'COMPLAINT'
				        and e.category_id = r.category_id and e.registered_at < r.registered_at
				        and e.registered_at >= r.registered_at - interval '30 days')""".formatted(column);
	}

	private static Duration seconds(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
	}
}
