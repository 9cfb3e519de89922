package io.kefu.request;

import static io.kefu.request.RequestChanges.requireCallbackStaff;
import static io.kefu.request.RequestChanges.requireManager;
import static io.kefu.request.RequestChanges.required;
import static io.kefu.request.RequestChanges.trimmed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

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
import io.kefu.request.domain.WorkRecords;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.PhoneNumber;
import io.kefu.shared.RoomCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests as the agents steer them: intake (受理) owned by the receiving
 * agent, transfer of ownership, dispatch, resolution, reopening, closing, merging
 * duplicates and daily follow-up. Every read and write is limited to the caller's sites.
 */
@Service
public class ServiceRequestManagement {

	public static final int MAX_DESCRIPTION = 2000;

	/** Who the history names when a resident rates their request online. */
	static final String RESIDENT_ONLINE = "业户（网上评价）";

	private final ServiceRequestRepository requests;

	private final RequestNumbers numbers;

	private final RequestHistory history;

	private final Categories categories;

	private final DirectoryManagement directory;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final WorkRecords records;

	private final RequestChanges changes;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceRequestManagement(ServiceRequestRepository requests, RequestNumbers numbers, RequestHistory history,
			Categories categories, WorkRecords records, RequestChanges changes, DirectoryManagement directory,
			AccountManagement accounts, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.numbers = numbers;
		this.history = history;
		this.categories = categories;
		this.records = records;
		this.changes = changes;
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
					: phone(input.contactPhone());
			if (householdId == null && contactName == null && contactPhone == null) {
				throw new InvalidInputException("contactName", "请选择业户或填写联系人；不愿留名时请勾选“匿名”");
			}
		}
		Place place = place(user, site, input);
		Long concernedStaffId = concernedStaff(user, site.id(), input.type(), input.concernedStaffId());
		ServiceRequest request = ServiceRequest.register(site.id(),
				numbers.next(site.id(), site.code(), LocalDate.now(clock)), input.type(),
				category == null ? null : category.id(), input.channel(),
				input.priority() == null ? Priority.NORMAL : input.priority(), input.major(), householdId, contactName,
				contactPhone, input.anonymous(), place.roomId(), place.publicAreaId(), place.name(), description,
				user.accountId(), concernedStaffId, clock.instant());
		boolean answered = input.answer() != null && !input.answer().isBlank();
		if (answered) {
			request.answerAtOnce(input.answer().strip(), clock.instant());
		}
		request = requests.insertRegistered(request);
		history.record(request.id(), user, "受理", null, RequestStatus.REGISTERED, null, clock.instant());
		events.publishEvent(new ServiceRequestRegistered(request.id(), site.id(), request.number(), request.type(),
				request.categoryId(), request.channel(), request.priority(), request.major(), user.accountId(), clock.instant()));
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

	/** Hands ownership to a colleague who works at the request's site, with the reason. */
	@Transactional
	public void transfer(CurrentUser user, long id, String toUsername, String reason, int version) {
		ServiceRequest current = changes.load(user, id, version);
		requireManager(user, current);
		String why = required(reason, "reason", "请填写转交原因");
		AccountSummary to = staffAt(current, toUsername, "to");
		long from = current.ownerId();
		changes.apply(user, current, version, "转交", "转交给 " + to.displayName() + "：" + why, r -> r.transferTo(to.id()));
		events.publishEvent(new OwnershipTransferred(id, from, to.id(), why, clock.instant()));
	}

	/** Dispatches (派工) to a department and a person; work for someone on leave goes to their backup. */
	@Transactional
	public void dispatch(CurrentUser user, long id, int version, Assignment assignment) {
		ServiceRequest current = changes.load(user, id, version);
		requireManager(user, current);
		Assigned to = assignee(current, assignment);
		ServiceRequest request = changes.apply(user, current, version, "派工", to.note(),
				r -> r.dispatch(to.departmentId(), to.accountId(), assignment.appointment(), clock.instant()));
		events.publishEvent(new ServiceRequestDispatched(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), to.accountId(), to.departmentId(), assignment.appointment(), clock.instant()));
	}

	/** Moves the job to another person (转派). */
	@Transactional
	public void reassign(CurrentUser user, long id, int version, Assignment assignment) {
		ServiceRequest current = changes.load(user, id, version);
		requireManager(user, current);
		Assigned to = assignee(current, assignment);
		ServiceRequest request = changes.apply(user, current, version, "转派", to.note(),
				r -> r.reassign(to.departmentId(), to.accountId(), assignment.appointment(), clock.instant()));
		events.publishEvent(new ServiceRequestDispatched(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), to.accountId(), to.departmentId(), assignment.appointment(), clock.instant()));
	}

	@Transactional
	public void resolve(CurrentUser user, long id, int version, Resolution resolution) {
		ServiceRequest current = changes.load(user, id, version);
		requireManager(user, current);
		String result = required(resolution.result(), "result", "请填写处理结果");
		if (resolution.responsibleDepartmentId() != null
				&& directory.department(resolution.responsibleDepartmentId()).isEmpty()) {
			throw new InvalidInputException("responsibleDepartmentId", "责任部门不存在");
		}
		concernedStaff(user, current.siteId(), current.type(), resolution.concernedStaffId());
		ServiceRequest request = changes.apply(user, current, version, "办结", result, r -> r.resolve(resolution, clock.instant()));
		events.publishEvent(new ServiceRequestResolved(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), request.major(), clock.instant()));
		for (long childId : records.children(id)) {
			ServiceRequest child = requests.findById(childId).orElseThrow();
			RequestStatus from = child.status();
			child.resolveWithParent(request.number(), result, clock.instant());
			if (child.status() != from) {
				changes.save(child);
				history.record(childId, user, "随主工单办结", from, child.status(), request.number(), clock.instant());
				events.publishEvent(new ServiceRequestResolved(childId, child.siteId(), child.type(), child.categoryId(),
						child.priority(), child.major(), clock.instant()));
			}
		}
	}

	/** Reopens (重新派工) with the reason; everything that happened before stays in the history. */
	@Transactional
	public void reopen(CurrentUser user, long id, int version, String reason) {
		ServiceRequest current = changes.load(user, id, version);
		requireManager(user, current);
		String why = required(reason, "reason", "请填写重新派工的原因");
		reopened(changes.apply(user, current, version, "重新派工", why, ServiceRequest::reopen), why);
	}

	@Transactional
	public void close(CurrentUser user, long id, int version, String note) {
		ServiceRequest current = changes.load(user, id, version);
		requireManager(user, current);
		closed(changes.apply(user, current, version, "归档", note, r -> r.close(clock.instant())));
	}

	/**
	 * Archives (归档) a resolved request after its callback (回访) with what the customer
	 * said. Whoever makes callbacks at the site may; a merged duplicate is archived on its own.
	 */
	@Transactional
	public void closeAfterCallback(CurrentUser user, long id, String note) {
		ServiceRequest request = changes.load(user, id);
		requireCallbackStaff(user, request);
		closed(changes.record(user.accountId(), user.displayName(), request, "回访后归档", note,
				r -> r.close(clock.instant())));
	}

	/**
	 * Re-dispatches (重新派工) a resolved request whose customer was not satisfied at the
	 * callback, with the reason; a merged duplicate leaves its parent and is worked on its own.
	 */
	@Transactional
	public void reopenAfterCallback(CurrentUser user, long id, String reason) {
		ServiceRequest request = changes.load(user, id);
		requireCallbackStaff(user, request);
		String why = required(reason, "reason", "请填写重新派工的原因");
		reopened(changes.record(user.accountId(), user.displayName(), request, "重新派工", why,
				ServiceRequest::reopenOnItsOwn), why);
	}

	/** The household rated its own resolved request online (网上评价) and was satisfied: it is archived. */
	@Transactional
	public void closeRatedOnline(long id, long householdId, String note) {
		closed(changes.record(0, RESIDENT_ONLINE, ofHousehold(id, householdId), "网上评价后归档", note,
				r -> r.close(clock.instant())));
	}

	/** The household rated its own resolved request online and was not satisfied: it is re-dispatched. */
	@Transactional
	public void reopenRatedOnline(long id, long householdId, String reason) {
		String why = required(reason, "reason", "请填写重新派工的原因");
		reopened(changes.record(0, RESIDENT_ONLINE, ofHousehold(id, householdId), "重新派工", why,
				ServiceRequest::reopenOnItsOwn), why);
	}

	private ServiceRequest ofHousehold(long id, long householdId) {
		return requests.findById(id)
			.filter(r -> Objects.equals(r.householdId(), householdId))
			.orElseThrow(() -> new NotFoundException("没有找到该工单"));
	}

	private void closed(ServiceRequest request) {
		events.publishEvent(new ServiceRequestClosed(request.id(), request.siteId(), request.number(), clock.instant()));
	}

	private void reopened(ServiceRequest request, String why) {
		events.publishEvent(new ServiceRequestReopened(request.id(), request.siteId(), request.type(),
				request.categoryId(), request.priority(), why, clock.instant()));
	}

	/**
	 * Merges duplicates (合并) into a parent: several residents report the same broken
	 * lift. The children follow the parent to resolution; each keeps its requester and
	 * gets its own callback.
	 */
	@Transactional
	public void merge(CurrentUser user, long parentId, List<Long> childIds, String reason) {
		ServiceRequest parent = changes.load(user, parentId);
		requireManager(user, parent);
		if (parent.parentId() != null || !parent.status().isOpen()) {
			throw new IllegalTransitionException("主工单须是未办结、未被合并的工单");
		}
		if (childIds == null || childIds.isEmpty()) {
			throw new InvalidInputException("childIds", "请选择要合并的工单");
		}
		String why = required(reason, "reason", "请填写合并原因");
		for (long childId : new LinkedHashSet<>(childIds)) {
			ServiceRequest child = changes.load(user, childId);
			if (child.siteId() != parent.siteId()) {
				throw new InvalidInputException("childIds", "只能合并同一项目的工单");
			}
			RequestStatus status = child.status();
			child.followParent(parentId);
			changes.save(child);
			history.record(childId, user, "合并", status, status, "合并到 " + parent.number() + "：" + why, clock.instant());
		}
		history.record(parentId, user, "合并", parent.status(), parent.status(),
				"合并了 " + childIds.size() + " 张重复工单：" + why, clock.instant());
		events.publishEvent(new ServiceRequestMerged(parentId, List.copyOf(new LinkedHashSet<>(childIds)),
				parent.siteId(), clock.instant()));
	}

	/** A daily follow-up note (每日跟踪) on work that is under way. */
	@Transactional
	public void followUp(CurrentUser user, long id, String text) {
		ServiceRequest request = changes.load(user, id);
		String note = required(text, "text", "请填写跟踪情况");
		request.require(RequestStep.FOLLOW_UP);
		records.addFollowUp(id, user, note, clock.instant());
		events.publishEvent(new ServiceRequestFollowedUp(id, request.siteId(), user.accountId(), clock.instant()));
	}

	private record Assigned(long accountId, long departmentId, String note) {
	}

	private Assigned assignee(ServiceRequest request, Assignment assignment) {
		if (assignment.departmentId() == null) {
			throw new InvalidInputException("departmentId", "请选择部门");
		}
		var department = directory.department(assignment.departmentId())
			.orElseThrow(() -> new InvalidInputException("departmentId", "部门不存在"));
		AccountSummary person = staffAt(request, assignment.assignee(), "assignee");
		if (assignment.appointment() != null && assignment.appointment().isBefore(clock.instant().minusSeconds(3600))) {
			throw new InvalidInputException("appointment", "约定时间不能早于现在");
		}
		long standIn = directory.standIn(person.id());
		String note = "派给 " + department.name() + " " + person.displayName();
		if (standIn != person.id()) {
			AccountSummary backup = accounts.findById(standIn).orElseThrow();
			note = "派给 " + department.name() + " " + backup.displayName() + "（" + person.displayName() + " 休假，由A/B岗代）";
			person = backup;
		}
		if (request.major() && !person.roles().contains(Role.SITE_MANAGER)) {
			throw new InvalidInputException("assignee", "重大投诉须派给服务中心经理");
		}
		return new Assigned(person.id(), department.id(), note + (trimmed(assignment.note()) == null ? ""
				: "：" + assignment.note().strip()));
	}

	private AccountSummary staffAt(ServiceRequest request, String username, String field) {
		return accounts.findByUsername(username == null ? "" : username.strip())
			.filter(AccountSummary::enabled)
			.filter(a -> a.siteIds().contains(request.siteId()))
			.orElseThrow(() -> new InvalidInputException(field, "没有找到本项目的员工“" + (username == null ? "" : username) + "”"));
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

	/** The staff member a praise or complaint names: someone who works at the request's site. */
	private Long concernedStaff(CurrentUser user, long siteId, RequestType type, Long accountId) {
		if (accountId == null) {
			return null;
		}
		if (!type.concernsStaff()) {
			throw new InvalidInputException("concernedStaffId", "只有表扬和投诉可以填写被表扬或被投诉的员工");
		}
		if (directory.staffAt(user, siteId).stream().noneMatch(s -> s.accountId() == accountId)) {
			throw new InvalidInputException("concernedStaffId", "所选员工不在本项目工作，请重新选择");
		}
		return accountId;
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

	private static String phone(String text) {
		try {
			return PhoneNumber.parse(text).value();
		}
		catch (InvalidInputException ex) {
			throw ex.about("contactPhone");
		}
	}

	private static String roomCode(String text) {
		try {
			return RoomCode.parse(text).value();
		}
		catch (InvalidInputException ex) {
			throw ex.about("roomCode");
		}
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
			RoomSummary found = directory.roomByCode(user, site.id(), roomCode(input.roomCode()))
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

}
