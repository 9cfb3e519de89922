package io.kefu.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.HouseholdSummary;
import io.kefu.directory.PublicAreaSummary;
import io.kefu.directory.RoomSummary;
import io.kefu.directory.SiteSummary;
import io.kefu.request.domain.Categories;
import io.kefu.request.domain.RequestHistory;
import io.kefu.request.domain.RequestNumbers;
import io.kefu.request.domain.ServiceRequest;
import io.kefu.request.domain.ServiceRequestRepository;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Page;
import io.kefu.shared.PhoneNumber;
import io.kefu.shared.StaleDataException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests: intake, ownership, the request page and the queues. Every read
 * and write is limited to the caller's sites.
 */
@Service
public class ServiceRequestManagement {

	public static final int MAX_DESCRIPTION = 2000;

	private static final String SUMMARY = """
			select r.id, r.site_id, r.number, r.type, c.name as category_name, r.channel, r.priority, r.major, r.status,
			       r.place, r.description, r.owner_id, r.registered_at
			from request.service_request r left join request.category c on c.id = r.category_id
			""";

	private final ServiceRequestRepository requests;

	private final RequestNumbers numbers;

	private final RequestHistory history;

	private final Categories categories;

	private final DirectoryManagement directory;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceRequestManagement(ServiceRequestRepository requests, RequestNumbers numbers, RequestHistory history,
			Categories categories, DirectoryManagement directory, AccountManagement accounts,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.numbers = numbers;
		this.history = history;
		this.categories = categories;
		this.directory = directory;
		this.accounts = accounts;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public List<Category> categories(RequestType type) {
		return categories.of(type);
	}

	/**
	 * Registers (受理) a request owned by the agent who takes it. With an idempotency
	 * key, a retry returns the first registration instead of a second request.
	 */
	@Transactional
	public Registration register(CurrentUser user, NewRequest input, String idempotencyKey) {
		if (idempotencyKey != null) {
			if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
				throw new InvalidInputException("Idempotency-Key", "Idempotency-Key 应为 1–100 个字符");
			}
			if (!claim(user, idempotencyKey)) {
				return replay(user, idempotencyKey);
			}
		}
		if (input.siteId() == null) {
			throw new InvalidInputException("siteId", "请选择项目");
		}
		SiteSummary site = directory.site(user, input.siteId());
		if (input.type() == null) {
			throw new InvalidInputException("type", "请选择工单类型");
		}
		if (input.channel() == null) {
			throw new InvalidInputException("channel", "请选择来源渠道");
		}
		Category category = checkedCategory(input);
		if (input.major() && input.type() != RequestType.COMPLAINT) {
			throw new InvalidInputException("major", "只有投诉才分一般和重大");
		}
		String description = input.description() == null ? "" : input.description().strip();
		if (description.isEmpty()) {
			throw new InvalidInputException("description", "请填写内容：客户反映的问题或诉求");
		}
		if (description.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("description", "内容不能超过 " + MAX_DESCRIPTION + " 个字");
		}
		Long householdId = null;
		String contactName = null;
		String contactPhone = null;
		if (!input.anonymous()) {
			if (input.householdId() != null) {
				HouseholdSummary household = directory.household(user, input.householdId());
				if (household.siteId() != site.id()) {
					throw new InvalidInputException("householdId", "该业户不属于所选项目");
				}
				householdId = household.id();
			}
			contactName = input.contactName() == null || input.contactName().isBlank() ? null
					: input.contactName().strip();
			contactPhone = input.contactPhone() == null || input.contactPhone().isBlank() ? null
					: PhoneNumber.parse(input.contactPhone()).value();
			if (householdId == null && contactName == null && contactPhone == null) {
				throw new InvalidInputException("contactName", "请选择业户或填写联系人；不愿留名时请勾选“匿名”");
			}
		}
		Place place = place(user, site, input);
		ServiceRequest request = ServiceRequest.register(site.id(),
				numbers.next(site.id(), site.code(), LocalDate.now(clock)), input.type(),
				category == null ? null : category.id(), input.channel(),
				input.priority() == null ? Priority.NORMAL : input.priority(), input.major(), householdId, contactName,
				contactPhone, input.anonymous(), place.roomId(), place.publicAreaId(), place.name(), description,
				user.accountId(), clock.instant());
		boolean answered = input.answer() != null && !input.answer().isBlank();
		if (answered) {
			request.answerAtOnce(input.answer().strip(), clock.instant());
		}
		request = requests.save(request);
		history.record(request.id(), user, "受理", null, RequestStatus.REGISTERED, null, clock.instant());
		events.publishEvent(new ServiceRequestRegistered(request.id(), site.id(), request.number(), request.type(),
				request.categoryId(), request.channel(), request.priority(), request.major(), clock.instant()));
		if (answered) {
			history.record(request.id(), user, "当场答复办结", RequestStatus.REGISTERED, RequestStatus.CLOSED,
					input.answer().strip(), clock.instant());
			events.publishEvent(new ServiceRequestClosed(request.id(), site.id(), request.number(), clock.instant()));
		}
		if (idempotencyKey != null) {
			jdbc.sql("update request.idempotency_key set request_id = :request where account_id = :account and key = :key")
				.param("request", request.id())
				.param("account", user.accountId())
				.param("key", idempotencyKey)
				.update();
		}
		return new Registration(request.id(), request.number(), request.status(), false);
	}

	/** The request page: the request and its whole history. */
	public ServiceRequestDetails details(CurrentUser user, long id) {
		ServiceRequest request = load(user, id);
		var site = directory.site(user, request.siteId());
		return jdbc.sql("""
				select r.*, c.name as category_name from request.service_request r
				left join request.category c on c.id = r.category_id where r.id = :id and r.site_id = any(:sites)""")
			.param("id", id)
			.param("sites", user.sites())
			.query((rs, n) -> details(user, rs, site.name()))
			.single();
	}

	/** A page of a queue, newest first. */
	public Page<ServiceRequestSummary> queue(CurrentUser user, Queue queue, Long siteId, String cursor, Integer size) {
		int limit = Page.size(size);
		long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : parseCursor(cursor);
		List<Object[]> rows = jdbc.sql(SUMMARY + """
				where r.site_id = any(:sites) and (cast(:site as bigint) is null or r.site_id = :site)
				  and r.status not in ('RESOLVED', 'CLOSED')
				  and (:mine = false or r.owner_id = :me) and r.id < :before
				order by r.id desc limit :limit""")
			.param("sites", user.sites())
			.param("site", siteId)
			.param("mine", queue == Queue.MINE)
			.param("me", user.accountId())
			.param("before", before)
			.param("limit", limit + 1)
			.query((rs, n) -> new Object[] { rs.getLong("owner_id"), summary(rs) })
			.list();
		Map<Long, AccountSummary> owners = owners(rows.stream().map(r -> (Long) r[0]).distinct().toList());
		List<ServiceRequestSummary> items = rows.stream()
			.limit(limit)
			.map(r -> withOwner((ServiceRequestSummary) r[1], owners.get((Long) r[0])))
			.toList();
		return new Page<>(items, rows.size() > limit ? String.valueOf(items.get(limit - 1).id()) : null);
	}

	/** Hands ownership to a colleague who works at the request's site, with the reason. */
	@Transactional
	public void transfer(CurrentUser user, long id, String toUsername, String reason, int version) {
		ServiceRequest request = load(user, id);
		if (request.version() != version) {
			throw new StaleDataException();
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "请填写转交原因");
		}
		AccountSummary to = accounts.findByUsername(toUsername == null ? "" : toUsername.strip())
			.filter(AccountSummary::enabled)
			.filter(a -> a.siteIds().contains(request.siteId()))
			.orElseThrow(() -> new InvalidInputException("to", "没有找到本项目的员工“" + toUsername + "”"));
		long from = request.ownerId();
		request.transferTo(to.id());
		save(request);
		history.record(id, user, "转交", request.status(), request.status(), "转交给 " + to.displayName() + "：" + reason.strip(),
				clock.instant());
		events.publishEvent(new OwnershipTransferred(id, from, to.id(), reason.strip(), clock.instant()));
	}

	private ServiceRequest load(CurrentUser user, long id) {
		return requests.findByIdAndSiteIdIn(id, user.siteIds())
			.orElseThrow(() -> new NotFoundException("没有找到该工单"));
	}

	private void save(ServiceRequest request) {
		try {
			requests.save(request);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleDataException();
		}
	}

	/** Takes the key for this intake; false when an earlier request with the same key already has it. */
	private boolean claim(CurrentUser user, String key) {
		return jdbc.sql("insert into request.idempotency_key (account_id, key) values (:account, :key) on conflict do nothing")
			.param("account", user.accountId())
			.param("key", key)
			.update() == 1;
	}

	private Registration replay(CurrentUser user, String key) {
		return jdbc.sql("""
				select r.id, r.number, r.status from request.idempotency_key k
				join request.service_request r on r.id = k.request_id
				where k.account_id = :account and k.key = :key""")
			.param("account", user.accountId())
			.param("key", key)
			.query((rs, n) -> new Registration(rs.getLong("id"), rs.getString("number"),
					RequestStatus.valueOf(rs.getString("status")), true))
			.single();
	}

	private Category checkedCategory(NewRequest input) {
		if (input.categoryId() == null) {
			throw new InvalidInputException("categoryId", "请选择类别");
		}
		Category category = categories.find(input.categoryId())
			.orElseThrow(() -> new InvalidInputException("categoryId", "类别不存在"));
		if (category.type() != input.type()) {
			throw new InvalidInputException("categoryId", "类别“" + category.name() + "”不属于所选工单类型");
		}
		return category;
	}

	private record Place(Long roomId, Long publicAreaId, String name) {
	}

	private Place place(CurrentUser user, SiteSummary site, NewRequest input) {
		boolean room = input.roomId() != null || (input.roomCode() != null && !input.roomCode().isBlank());
		if (room && input.publicAreaId() != null) {
			throw new InvalidInputException("publicAreaId", "地点只能是一个房间或一个公共区域");
		}
		if (input.roomId() != null) {
			RoomSummary found = directory.room(user, input.roomId());
			if (found.siteId() != site.id()) {
				throw new InvalidInputException("roomId", "该房间不属于所选项目");
			}
			return new Place(found.id(), null, found.code());
		}
		if (room) {
			RoomSummary found = directory.roomByCode(user, site.id(), io.kefu.shared.RoomCode.parse(input.roomCode()).value())
				.orElseThrow(() -> new InvalidInputException("roomCode", "本项目没有房号 " + input.roomCode().strip()));
			return new Place(found.id(), null, found.code());
		}
		if (input.publicAreaId() != null) {
			PublicAreaSummary area = directory.publicArea(user, input.publicAreaId());
			if (area.siteId() != site.id()) {
				throw new InvalidInputException("publicAreaId", "该公共区域不属于所选项目");
			}
			return new Place(null, area.id(), area.name());
		}
		return new Place(null, null, "");
	}

	private Map<Long, AccountSummary> owners(List<Long> ids) {
		return accounts.findByIds(ids).stream().collect(Collectors.toMap(AccountSummary::id, Function.identity()));
	}

	private static ServiceRequestSummary summary(ResultSet rs) throws SQLException {
		return new ServiceRequestSummary(rs.getLong("id"), rs.getLong("site_id"), rs.getString("number"),
				RequestType.valueOf(rs.getString("type")), rs.getString("category_name"),
				Channel.valueOf(rs.getString("channel")), Priority.valueOf(rs.getString("priority")),
				rs.getBoolean("major"), RequestStatus.valueOf(rs.getString("status")), rs.getString("place"),
				rs.getString("description"), null, rs.getObject("registered_at", OffsetDateTime.class).toInstant());
	}

	private static ServiceRequestSummary withOwner(ServiceRequestSummary s, AccountSummary owner) {
		return new ServiceRequestSummary(s.id(), s.siteId(), s.number(), s.type(), s.categoryName(), s.channel(),
				s.priority(), s.major(), s.status(), s.place(), s.description(),
				owner == null ? null : owner.displayName(), s.registeredAt());
	}

	private ServiceRequestDetails details(CurrentUser user, ResultSet rs, String siteName) throws SQLException {
		long ownerId = rs.getLong("owner_id");
		Long householdId = (Long) rs.getObject("household_id");
		String phone = rs.getString("contact_phone");
		OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
		return new ServiceRequestDetails(rs.getLong("id"), rs.getLong("site_id"), siteName, rs.getString("number"),
				RequestType.valueOf(rs.getString("type")), (Long) rs.getObject("category_id"),
				rs.getString("category_name"), Channel.valueOf(rs.getString("channel")),
				Priority.valueOf(rs.getString("priority")), rs.getBoolean("major"),
				RequestStatus.valueOf(rs.getString("status")), householdId,
				householdId == null ? null : directory.household(user, householdId).name(), rs.getString("contact_name"),
				user.seesPersonalData() ? phone : PhoneNumber.mask(phone), rs.getBoolean("anonymous"),
				(Long) rs.getObject("room_id"), (Long) rs.getObject("public_area_id"), rs.getString("place"),
				rs.getString("description"), rs.getString("resolution"), ownerId,
				accounts.findById(ownerId).map(AccountSummary::displayName).orElse(null),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
				closedAt == null ? null : closedAt.toInstant(), rs.getInt("version"), history.of(rs.getLong("id")));
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
