package io.kefu.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.kefu.directory.DepartmentSummary;
import io.kefu.directory.DirectoryManagement;
import io.kefu.request.domain.RequestHistory;
import io.kefu.request.domain.RequestPhotos;
import io.kefu.request.domain.RequestPhotos.Photo;
import io.kefu.request.domain.RequestPhotos.StoredPhoto;
import io.kefu.request.domain.ServiceRequest;
import io.kefu.request.domain.WorkRecords;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
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

	private final RequestPhotos photos;

	private final DirectoryManagement directory;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceRequestQueries(RequestChanges changes, RequestHistory history, WorkRecords records, RequestPhotos photos,
			DirectoryManagement directory, AccountManagement accounts, JdbcClient jdbc, Clock clock) {
		this.photos = photos;
		this.changes = changes;
		this.history = history;
		this.records = records;
		this.directory = directory;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Major complaints first, then urgent work: the sort key of {@link QueueOrder#URGENCY}. */
	private static final String URGENCY = "(case when r.major then 0 when r.priority = 'URGENT' then 1 else 2 end)";

	private static final String SUMMARY = """
			select r.id, r.site_id, r.number, r.type, c.name as category_name, r.channel, r.priority, r.major, r.status,
			       r.place, r.description, r.owner_id, r.assignee_id, r.registered_at, r.appointment,
			""" + URGENCY + """
			 as urgency
			from request.service_request r left join request.category c on c.id = r.category_id
			""";

	/** The narrowing that queues and searches share: the user's sites (or one) and the filter. */
	private static final String FILTER = """
			r.site_id = any(:sites)
			  and (cast(:type as text) is null or r.type = :type)
			  and (cast(:category as bigint) is null or r.category_id = :category
			       or r.category_id in (select id from request.category where parent_id = :category))
			  and (cast(:channel as text) is null or r.channel = :channel)
			  and (cast(:rooms as bigint[]) is null or r.room_id = any(cast(:rooms as bigint[])))
			  and (cast(:from as timestamptz) is null or r.registered_at >= :from)
			  and (cast(:to as timestamptz) is null or r.registered_at < :to)
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

	/**
	 * A page of a queue narrowed and ordered by the filter (my jobs: by appointment).
	 * Keyset pagination: the cursor is the last row's sort key.
	 */
	public Page<ServiceRequestSummary> queue(CurrentUser user, Queue queue, Long siteId, QueueFilter filter,
			String cursor, Integer size) {
		// A person's own jobs are few and ordered by appointment: one bounded page, no cursor.
		boolean jobs = queue == Queue.JOBS;
		int limit = jobs ? Page.MAX_SIZE : Page.size(size);
		boolean urgency = !jobs && filter.order() == QueueOrder.URGENCY;
		long[] after = jobs || cursor == null || cursor.isBlank() ? null : parseCursor(cursor, urgency);
		String keyset = after == null ? "true" : urgency ? "(" + URGENCY + ", r.id) > (:rank, :after)" : "r.id < :after";
		String order = jobs ? "r.appointment nulls last, r.id desc" : urgency ? URGENCY + ", r.id" : "r.id desc";
		List<Row> rows = filtered(jdbc.sql(SUMMARY + " where r.status not in ('RESOLVED', 'CLOSED') and " + FILTER
				+ " and " + queue.condition() + " and " + keyset + " order by " + order + " limit :limit"), user, siteId,
				filter)
			.param("me", user.accountId())
			.param("rank", after == null ? 0 : after[0])
			.param("after", after == null ? 0 : after[after.length - 1])
			.param("limit", limit + 1)
			.query(Row::of)
			.list();
		List<ServiceRequestSummary> items = named(rows, limit);
		if (rows.size() <= limit || jobs) {
			return new Page<>(items, null);
		}
		Row last = rows.get(limit - 1);
		return new Page<>(items, urgency ? last.urgency() + "-" + last.summary().id() : String.valueOf(last.summary().id()));
	}

	/**
	 * The requests behind a report's figure, in any state, newest first. Keyset
	 * pagination: the cursor is the last row's id.
	 */
	public Page<ServiceRequestSummary> search(CurrentUser user, Long siteId, RequestSearch search, String cursor,
			Integer size) {
		int limit = Page.size(size);
		long[] after = cursor == null || cursor.isBlank() ? null : parseCursor(cursor, false);
		String state = switch (search.state()) {
			case ALL -> "true";
			case OPEN -> "r.status not in ('RESOLVED', 'CLOSED')";
			case RESOLVED -> "r.resolved_at is not null";
			case HANDLED -> RequestFigures.HANDLED;
		};
		List<Row> rows = filtered(jdbc.sql(SUMMARY + " where " + state + " and " + FILTER + """
				  and (cast(:department as bigint) is null or r.type = 'COMPLAINT'
				       and coalesce(r.responsible_department, 0) = :department)
				  and (cast(:valid as boolean) is null or r.complaint_valid = :valid)
				  and (cast(:owner as bigint) is null or r.owner_id = :owner)
				  and (cast(:concerned as bigint) is null or r.concerned_staff_id = :concerned)
				""" + (search.repeat() ? " and " + RequestFigures.REPEAT : "")
				+ (after == null ? "" : " and r.id < :after") + " order by r.id desc limit :limit"), user, siteId,
				search.filter())
			.param("department", search.departmentId())
			.param("valid", search.valid())
			.param("owner", search.ownerId())
			.param("concerned", search.concernedStaffId())
			.param("after", after == null ? 0 : after[0])
			.param("limit", limit + 1)
			.query(Row::of)
			.list();
		List<ServiceRequestSummary> items = named(rows, limit);
		return new Page<>(items, rows.size() <= limit ? null : String.valueOf(rows.get(limit - 1).summary().id()));
	}

	private JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, CurrentUser user, Long siteId,
			QueueFilter filter) {
		Long[] rooms = filter.buildingId() == null ? null
				: directory.roomIds(user, filter.buildingId()).toArray(Long[]::new);
		ZoneId zone = clock.getZone();
		return sql.param("sites", user.sites(siteId))
			.param("type", filter.type() == null ? null : filter.type().name())
			.param("category", filter.categoryId())
			.param("channel", filter.channel() == null ? null : filter.channel().name())
			.param("rooms", rooms)
			.param("from", filter.from() == null ? null : filter.from().atStartOfDay(zone).toOffsetDateTime())
			.param("to", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
	}

	/** The first {@code limit} rows with their owners' and assignees' names. */
	private List<ServiceRequestSummary> named(List<Row> rows, int limit) {
		Map<Long, AccountSummary> people = people(rows.stream()
			.flatMap(r -> Stream.of(r.ownerId(), r.assigneeId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		return rows.stream().limit(limit).map(r -> r.named(people)).toList();
	}

	private record Row(long ownerId, Long assigneeId, int urgency, ServiceRequestSummary summary) {

		static Row of(ResultSet rs, int n) throws SQLException {
			return new Row(rs.getLong("owner_id"), (Long) rs.getObject("assignee_id"), rs.getInt("urgency"),
					ServiceRequestQueries.summary(rs));
		}

		ServiceRequestSummary named(Map<Long, AccountSummary> people) {
			ServiceRequestSummary s = summary;
			return new ServiceRequestSummary(s.id(), s.siteId(), s.number(), s.type(), s.categoryName(), s.channel(),
					s.priority(), s.major(), s.status(), s.place(), s.description(), name(people, ownerId),
					name(people, assigneeId), s.registeredAt(), s.appointment());
		}

		private static String name(Map<Long, AccountSummary> people, Long id) {
			AccountSummary person = id == null ? null : people.get(id);
			return person == null ? null : person.displayName();
		}
	}

	/** The request as other modules' listeners see it, acting for no one (not limited to any sites). */
	public Optional<RequestSnapshot> snapshot(long id) {
		return jdbc.sql("""
				select r.id, r.site_id, r.number, r.type, r.category_id, c.name as category_name, r.status,
				       r.household_id, r.contact_name, r.contact_phone, r.place, r.description, r.resolution, r.resolved_at,
				       r.owner_id, r.assignee_id
				from request.service_request r left join request.category c on c.id = r.category_id where r.id = :id""")
			.param("id", id)
			.query((rs, n) -> new RequestSnapshot(rs.getLong("id"), rs.getLong("site_id"), rs.getString("number"),
					RequestType.valueOf(rs.getString("type")), (Long) rs.getObject("category_id"),
					rs.getString("category_name"), RequestStatus.valueOf(rs.getString("status")),
					(Long) rs.getObject("household_id"), rs.getString("contact_name"), rs.getString("contact_phone"),
					rs.getString("place"), rs.getString("description"), rs.getString("resolution"),
					instant(rs, "resolved_at"), rs.getLong("owner_id"), (Long) rs.getObject("assignee_id")))
			.optional();
	}

	/** The id of the request with this number, within the caller's sites. */
	public Optional<Long> findIdByNumber(CurrentUser user, String number) {
		return jdbc.sql("select id from request.service_request where number = :number and site_id = any(:sites)")
			.param("number", number == null ? "" : number.strip().toUpperCase())
			.param("sites", user.sites())
			.query(Long.class)
			.optional();
	}

	/** The numbers of these requests within the caller's sites, by id (for links between merged requests). */
	public Map<Long, String> numbers(CurrentUser user, List<Long> ids) {
		Map<Long, String> numbers = new LinkedHashMap<>();
		jdbc.sql("select id, number from request.service_request where id = any(:ids) and site_id = any(:sites) order by id")
			.param("ids", ids.toArray(Long[]::new))
			.param("sites", user.sites())
			.query(rs -> {
				numbers.put(rs.getLong("id"), rs.getString("number"));
			});
		return numbers;
	}

	/** The photos taken at intake, without their bytes. */
	public List<Photo> photos(CurrentUser user, long id) {
		changes.load(user, id);
		return photos.of(id);
	}

	/** One photo, for whoever may open the request (a technician: only their own jobs). */
	public StoredPhoto photo(CurrentUser user, long id, long photoId) {
		changes.load(user, id);
		return photos.find(user, id, photoId).orElseThrow(() -> new NotFoundException("没有找到该照片"));
	}

	public List<FollowUpNote> followUps(CurrentUser user, long id) {
		changes.load(user, id);
		return records.followUps(id);
	}

	private Map<Long, AccountSummary> people(List<Long> ids) {
		return accounts.findByIds(ids).stream().collect(Collectors.toMap(AccountSummary::id, Function.identity()));
	}

	private static ServiceRequestSummary summary(ResultSet rs) throws SQLException {
		return new ServiceRequestSummary(rs.getLong("id"), rs.getLong("site_id"), rs.getString("number"),
				RequestType.valueOf(rs.getString("type")), rs.getString("category_name"),
				Channel.valueOf(rs.getString("channel")), Priority.valueOf(rs.getString("priority")),
				rs.getBoolean("major"), RequestStatus.valueOf(rs.getString("status")), rs.getString("place"),
				rs.getString("description"), null, null, rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
				instant(rs, "appointment"));
	}

	private ServiceRequestDetails details(CurrentUser user, ResultSet rs, String siteName) throws SQLException {
		long ownerId = rs.getLong("owner_id");
		Long concernedStaffId = (Long) rs.getObject("concerned_staff_id");
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
						departmentName((Long) rs.getObject("responsible_department")), rs.getString("cause"), rs.getString("corrective_action"),
						(Boolean) rs.getObject("suggestion_adopted"), rs.getString("reply"), rs.getInt("reopen_count")),
				records.quote(rs.getLong("id")), records.followUps(rs.getLong("id")), (Long) rs.getObject("parent_id"),
				records.children(rs.getLong("id")), concernedStaffId,
				concernedStaffId == null ? null
						: accounts.findById(concernedStaffId).map(AccountSummary::displayName).orElse(null));
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
				departmentName(departmentId),
				assigneeId,
				assigneeId == null ? null : accounts.findById(assigneeId).map(AccountSummary::displayName).orElse(null),
				instant(rs, "appointment"), instant(rs, "dispatched_at"), instant(rs, "accepted_at"),
				instant(rs, "arrived_at"), instant(rs, "completed_at"), paused == null ? null : PauseReason.valueOf(paused),
				rs.getString("findings"), rs.getString("work_result"), rs.getString("confirmed_by"),
				rs.getString("quote_accepted_by"), rs.getString("materials"), rs.getBigDecimal("fee_collected"),
				rs.getBoolean("has_signature"));
	}

	private String departmentName(Long id) {
		return id == null ? null : directory.department(id).map(DepartmentSummary::name).orElse(null);
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static long[] parseCursor(String cursor, boolean urgency) {
		try {
			long[] key = Arrays.stream(cursor.split("-", -1)).mapToLong(Long::parseLong).toArray();
			if (key.length == (urgency ? 2 : 1)) {
				return key;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidInputException("cursor", "分页游标无效");
	}
}
