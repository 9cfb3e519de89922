package io.kefu.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.directory.DirectoryManagement;
import io.kefu.request.domain.RequestHistory;
import io.kefu.request.domain.ServiceRequest;
import io.kefu.request.domain.WorkRecords;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.Page;
import io.kefu.shared.PhoneNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading requests: the request page and the queues, limited to the caller's sites. */
@Service
public class ServiceRequestQueries {

	private final RequestChanges changes;

	private final RequestHistory history;

	private final WorkRecords records;

	private final DirectoryManagement directory;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceRequestQueries(RequestChanges changes, RequestHistory history, WorkRecords records,
			DirectoryManagement directory, AccountManagement accounts, JdbcClient jdbc, Clock clock) {
		this.changes = changes;
		this.history = history;
		this.records = records;
		this.directory = directory;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static final String SUMMARY = """
			select r.id, r.site_id, r.number, r.type, c.name as category_name, r.channel, r.priority, r.major, r.status,
			       r.place, r.description, r.owner_id, r.registered_at, r.appointment
			from request.service_request r left join request.category c on c.id = r.category_id
			""";

	/** The request page: the request and its whole history. */
	public ServiceRequestDetails details(CurrentUser user, long id) {
		ServiceRequest request = changes.load(user, id);
		var site = directory.site(user, request.siteId());
		return jdbc.sql("""
				select r.*, c.name as category_name,
				       exists (select 1 from request.signature s where s.request_id = r.id) as has_signature
				from request.service_request r
				left join request.category c on c.id = r.category_id where r.id = :id and r.site_id = any(:sites)""")
			.param("id", id)
			.param("sites", user.sites())
			.query((rs, n) -> details(user, rs, site.name()))
			.single();
	}

	/** A page of a queue, newest first. */
	public Page<ServiceRequestSummary> queue(CurrentUser user, Queue queue, Long siteId, String cursor, Integer size) {
		return queue(user, queue, siteId, QueueFilter.NONE, cursor, size);
	}

	/** A page of a queue narrowed by the filter, newest first (my jobs: by appointment). */
	public Page<ServiceRequestSummary> queue(CurrentUser user, Queue queue, Long siteId, QueueFilter filter,
			String cursor, Integer size) {
		// A person's own jobs are few and ordered by appointment: one bounded page, no cursor.
		int limit = queue == Queue.JOBS ? Page.MAX_SIZE : Page.size(size);
		long before = queue == Queue.JOBS || cursor == null || cursor.isBlank() ? Long.MAX_VALUE : parseCursor(cursor);
		Long[] rooms = filter.buildingId() == null ? null
				: directory.roomIds(user, filter.buildingId()).toArray(Long[]::new);
		ZoneId zone = clock.getZone();
		String order = queue == Queue.JOBS ? "r.appointment nulls last, r.id desc" : "r.id desc";
		List<Object[]> rows = jdbc.sql(SUMMARY + """
				where r.site_id = any(:sites)
				  and r.status not in ('RESOLVED', 'CLOSED') and r.id < :before
				  and (cast(:type as text) is null or r.type = :type)
				  and (cast(:category as bigint) is null or r.category_id = :category
				       or r.category_id in (select id from request.category where parent_id = :category))
				  and (cast(:channel as text) is null or r.channel = :channel)
				  and (cast(:rooms as bigint[]) is null or r.room_id = any(cast(:rooms as bigint[])))
				  and (cast(:from as timestamptz) is null or r.registered_at >= :from)
				  and (cast(:to as timestamptz) is null or r.registered_at < :to)""" + " and " + queue.condition()
				+ " order by " + order + " limit :limit")
			.param("sites", user.sites(siteId))
			.param("me", user.accountId())
			.param("type", filter.type() == null ? null : filter.type().name())
			.param("category", filter.categoryId())
			.param("channel", filter.channel() == null ? null : filter.channel().name())
			.param("rooms", rooms)
			.param("from", filter.from() == null ? null : filter.from().atStartOfDay(zone).toOffsetDateTime())
			.param("to", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.param("before", before)
			.param("limit", limit + 1)
			.query((rs, n) -> new Object[] { rs.getLong("owner_id"), summary(rs) })
			.list();
		Map<Long, AccountSummary> owners = owners(rows.stream().map(r -> (Long) r[0]).distinct().toList());
		List<ServiceRequestSummary> items = rows.stream()
			.limit(limit)
			.map(r -> withOwner((ServiceRequestSummary) r[1], owners.get((Long) r[0])))
			.toList();
		boolean more = rows.size() > limit && queue != Queue.JOBS;
		return new Page<>(items, more ? String.valueOf(items.get(limit - 1).id()) : null);
	}

	public List<FollowUpNote> followUps(CurrentUser user, long id) {
		changes.load(user, id);
		return records.followUps(id);
	}

	private Map<Long, AccountSummary> owners(List<Long> ids) {
		return accounts.findByIds(ids).stream().collect(Collectors.toMap(AccountSummary::id, Function.identity()));
	}

	private static ServiceRequestSummary summary(ResultSet rs) throws SQLException {
		return new ServiceRequestSummary(rs.getLong("id"), rs.getLong("site_id"), rs.getString("number"),
				RequestType.valueOf(rs.getString("type")), rs.getString("category_name"),
				Channel.valueOf(rs.getString("channel")), Priority.valueOf(rs.getString("priority")),
				rs.getBoolean("major"), RequestStatus.valueOf(rs.getString("status")), rs.getString("place"),
				rs.getString("description"), null, rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
				instant(rs, "appointment"));
	}

	private static ServiceRequestSummary withOwner(ServiceRequestSummary s, AccountSummary owner) {
		return new ServiceRequestSummary(s.id(), s.siteId(), s.number(), s.type(), s.categoryName(), s.channel(),
				s.priority(), s.major(), s.status(), s.place(), s.description(),
				owner == null ? null : owner.displayName(), s.registeredAt(), s.appointment());
	}

	private ServiceRequestDetails details(CurrentUser user, ResultSet rs, String siteName) throws SQLException {
		long ownerId = rs.getLong("owner_id");
		Long householdId = (Long) rs.getObject("household_id");
		String phone = rs.getString("contact_phone");
		return new ServiceRequestDetails(rs.getLong("id"), rs.getLong("site_id"), siteName, rs.getString("number"),
				RequestType.valueOf(rs.getString("type")), (Long) rs.getObject("category_id"),
				rs.getString("category_name"), Channel.valueOf(rs.getString("channel")),
				Priority.valueOf(rs.getString("priority")), rs.getBoolean("major"),
				RequestStatus.valueOf(rs.getString("status")), householdId,
				householdId == null ? null : directory.household(user, householdId).name(), rs.getString("contact_name"),
				seesPhone(user, rs) ? phone : PhoneNumber.mask(phone), rs.getBoolean("anonymous"),
				(Long) rs.getObject("room_id"), (Long) rs.getObject("public_area_id"), rs.getString("place"),
				rs.getString("description"), rs.getString("resolution"), ownerId,
				accounts.findById(ownerId).map(AccountSummary::displayName).orElse(null),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
				instant(rs, "closed_at"), rs.getInt("version"), history.of(rs.getLong("id")),
				fieldWork(rs), new ServiceRequestDetails.Outcome(instant(rs, "resolved_at"),
						(Boolean) rs.getObject("complaint_valid"), (Long) rs.getObject("responsible_department"),
						rs.getString("cause"), rs.getString("corrective_action"),
						(Boolean) rs.getObject("suggestion_adopted"), rs.getString("reply"), rs.getInt("reopen_count")),
				records.quote(rs.getLong("id")), records.followUps(rs.getLong("id")), (Long) rs.getObject("parent_id"),
				records.children(rs.getLong("id")));
	}

	/** Roles that need phone numbers see them; so does the person sent to do an open job, to call ahead. */
	private static boolean seesPhone(CurrentUser user, ResultSet rs) throws SQLException {
		return user.seesPersonalData() || (Long.valueOf(user.accountId()).equals(rs.getObject("assignee_id"))
				&& RequestStatus.valueOf(rs.getString("status")).isOpen());
	}

	private ServiceRequestDetails.FieldWork fieldWork(ResultSet rs) throws SQLException {
		Long departmentId = (Long) rs.getObject("department_id");
		Long assigneeId = (Long) rs.getObject("assignee_id");
		String paused = rs.getString("paused_reason");
		return new ServiceRequestDetails.FieldWork(departmentId,
				departmentId == null ? null : directory.department(departmentId).map(d -> d.name()).orElse(null),
				assigneeId,
				assigneeId == null ? null : accounts.findById(assigneeId).map(AccountSummary::displayName).orElse(null),
				instant(rs, "appointment"), instant(rs, "dispatched_at"), instant(rs, "accepted_at"),
				instant(rs, "arrived_at"), instant(rs, "completed_at"), paused == null ? null : PauseReason.valueOf(paused),
				rs.getString("findings"), rs.getString("work_result"), rs.getString("confirmed_by"),
				rs.getString("quote_accepted_by"), rs.getString("materials"), rs.getBigDecimal("fee_collected"),
				rs.getBoolean("has_signature"));
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static long parseCursor(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("cursor", "分页游标无效");
		}
	}
}
