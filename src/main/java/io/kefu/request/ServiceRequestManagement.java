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
import io.kefu.request.domain.WorkRecords;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.FileType;
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

	public static final int MAX_SIGNATURE_BYTES = 1024 * 1024;

	private static final String SUMMARY = """
			select r.id, r.site_id, r.number, r.type, c.name as category_name, r.channel, r.priority, r.major, r.status,
			       r.place, r.description, r.owner_id, r.registered_at, r.appointment
			from request.service_request r left join request.category c on c.id = r.category_id
			""";

	private final ServiceRequestRepository requests;

	private final RequestNumbers numbers;

	private final RequestHistory history;

	private final Categories categories;

	private final DirectoryManagement directory;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final WorkRecords records;

	private final JdbcClient jdbc;

	private final Clock clock;

	ServiceRequestManagement(ServiceRequestRepository requests, RequestNumbers numbers, RequestHistory history,
			Categories categories, WorkRecords records, DirectoryManagement directory, AccountManagement accounts,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.records = records;
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
		java.time.ZoneId zone = clock.getZone();
		String order = queue == Queue.JOBS ? "r.appointment nulls last, r.id desc" : "r.id desc";
		List<Object[]> rows = jdbc.sql(SUMMARY + """
				where r.site_id = any(:sites) and (cast(:site as bigint) is null or r.site_id = :site)
				  and r.status not in ('RESOLVED', 'CLOSED') and r.id < :before
				  and (cast(:type as text) is null or r.type = :type)
				  and (cast(:category as bigint) is null or r.category_id = :category
				       or r.category_id in (select id from request.category where parent_id = :category))
				  and (cast(:channel as text) is null or r.channel = :channel)
				  and (cast(:rooms as bigint[]) is null or r.room_id = any(cast(:rooms as bigint[])))
				  and (cast(:from as timestamptz) is null or r.registered_at >= :from)
				  and (cast(:to as timestamptz) is null or r.registered_at < :to)""" + " and " + queue.condition()
				+ " order by " + order + " limit :limit")
			.param("sites", user.sites())
			.param("site", siteId)
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

	/** Hands ownership to a colleague who works at the request's site, with the reason. */
	@Transactional
	public void transfer(CurrentUser user, long id, String toUsername, String reason, int version) {
		ServiceRequest current = load(user, id);
		String why = required(reason, "reason", "请填写转交原因");
		AccountSummary to = staffAt(current, toUsername, "to");
		long from = current.ownerId();
		change(user, current, version, "转交", "转交给 " + to.displayName() + "：" + why, r -> r.transferTo(to.id()));
		events.publishEvent(new OwnershipTransferred(id, from, to.id(), why, clock.instant()));
	}

	/** Dispatches (派工) to a department and a person; work for someone on leave goes to their backup. */
	@Transactional
	public void dispatch(CurrentUser user, long id, int version, Assignment assignment) {
		ServiceRequest current = load(user, id);
		requireManager(user, current);
		Assigned to = assignee(current, assignment);
		ServiceRequest request = change(user, current, version, "派工", to.note(),
				r -> r.dispatch(to.departmentId(), to.accountId(), assignment.appointment(), clock.instant()));
		events.publishEvent(new ServiceRequestDispatched(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), to.accountId(), to.departmentId(), assignment.appointment(), clock.instant()));
	}

	/** Moves the job to another person (转派). */
	@Transactional
	public void reassign(CurrentUser user, long id, int version, Assignment assignment) {
		ServiceRequest current = load(user, id);
		requireManager(user, current);
		Assigned to = assignee(current, assignment);
		ServiceRequest request = change(user, current, version, "转派", to.note(),
				r -> r.reassign(to.departmentId(), to.accountId(), assignment.appointment(), clock.instant()));
		events.publishEvent(new ServiceRequestDispatched(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), to.accountId(), to.departmentId(), assignment.appointment(), clock.instant()));
	}

	@Transactional
	public void accept(CurrentUser user, long id, int version) {
		ServiceRequest request = change(user, load(user, id), version, "接单", null, r -> r.accept(user.accountId(), clock.instant()));
		events.publishEvent(new ServiceRequestAccepted(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), clock.instant()));
	}

	@Transactional
	public void returnJob(CurrentUser user, long id, int version, String reason) {
		String why = required(reason, "reason", "请填写退单原因");
		ServiceRequest request = change(user, load(user, id), version, "退单", why, r -> r.returnJob(user.accountId()));
		events.publishEvent(new ServiceRequestReturned(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), why, clock.instant()));
	}

	@Transactional
	public void arrive(CurrentUser user, long id, int version, String findings) {
		change(user, load(user, id), version, "到场", findings, r -> r.arrive(user.accountId(), trimmed(findings), clock.instant()));
	}

	@Transactional
	public void pause(CurrentUser user, long id, int version, PauseReason reason, String note) {
		if (reason == null) {
			throw new InvalidInputException("reason", "请选择暂停原因：等待客户或等待配件");
		}
		ServiceRequest request = change(user, load(user, id), version, "暂停", note, r -> r.pause(user.accountId(), reason));
		events.publishEvent(new ServiceRequestPaused(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), reason, clock.instant()));
	}

	@Transactional
	public void resume(CurrentUser user, long id, int version) {
		ServiceRequest request = change(user, load(user, id), version, "恢复处理", null, r -> r.resume(user.accountId()));
		events.publishEvent(new ServiceRequestResumed(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), clock.instant()));
	}

	/** The assignee finishes the work; the customer's name confirms it where there is a customer. */
	@Transactional
	public void complete(CurrentUser user, long id, int version, String result, String confirmedBy) {
		complete(user, id, version, result, confirmedBy, null);
	}

	/**
	 * The assignee finishes the work with the customer's confirmation: their name and,
	 * drawn on the screen, their signature as a PNG image (签字确认).
	 */
	@Transactional
	public void complete(CurrentUser user, long id, int version, String result, String confirmedBy, byte[] signature) {
		String outcome = required(result, "result", "请填写处理结果");
		if (signature != null) {
			required(confirmedBy, "confirmedBy", "请填写签字客户的姓名");
			if (signature.length > MAX_SIGNATURE_BYTES) {
				throw new InvalidInputException("signature", "签名图片太大（不能超过 1 MB）");
			}
			if (FileType.of(signature).filter(t -> t == FileType.PNG).isEmpty()) {
				throw new InvalidInputException("signature", "签名须为 PNG 图片");
			}
		}
		ServiceRequest request = change(user, load(user, id), version, "完工", outcome,
				r -> r.complete(user.accountId(), outcome, trimmed(confirmedBy), clock.instant()));
		if (signature != null) {
			records.saveSignature(id, signature, confirmedBy.strip(), clock.instant());
		}
		events.publishEvent(new ServiceRequestCompleted(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), user.accountId(), clock.instant()));
	}

	@Transactional
	public void resolve(CurrentUser user, long id, int version, Resolution resolution) {
		ServiceRequest current = load(user, id);
		requireManager(user, current);
		String result = required(resolution.result(), "result", "请填写处理结果");
		if (resolution.responsibleDepartmentId() != null
				&& directory.department(resolution.responsibleDepartmentId()).isEmpty()) {
			throw new InvalidInputException("responsibleDepartmentId", "责任部门不存在");
		}
		ServiceRequest request = change(user, current, version, "办结", result, r -> r.resolve(resolution, clock.instant()));
		events.publishEvent(new ServiceRequestResolved(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), request.major(), clock.instant()));
		for (long childId : records.children(id)) {
			ServiceRequest child = requests.findById(childId).orElseThrow();
			RequestStatus from = child.status();
			child.resolveWithParent(request.number(), result, clock.instant());
			if (child.status() != from) {
				save(child);
				history.record(childId, user, "随主工单办结", from, child.status(), request.number(), clock.instant());
				events.publishEvent(new ServiceRequestResolved(childId, child.siteId(), child.type(), child.categoryId(),
						child.priority(), child.major(), clock.instant()));
			}
		}
	}

	/** Reopens (重新派工) with the reason; everything that happened before stays in the history. */
	@Transactional
	public void reopen(CurrentUser user, long id, int version, String reason) {
		ServiceRequest current = load(user, id);
		requireManager(user, current);
		String why = required(reason, "reason", "请填写重新派工的原因");
		ServiceRequest request = change(user, current, version, "重新派工", why, ServiceRequest::reopen);
		events.publishEvent(new ServiceRequestReopened(id, request.siteId(), request.type(), request.categoryId(),
				request.priority(), why, clock.instant()));
	}

	@Transactional
	public void close(CurrentUser user, long id, int version, String note) {
		ServiceRequest current = load(user, id);
		requireManager(user, current);
		ServiceRequest request = change(user, current, version, "归档", note, r -> r.close(clock.instant()));
		events.publishEvent(new ServiceRequestClosed(id, request.siteId(), request.number(), clock.instant()));
	}

	/** Writes or rewrites the quote for paid work (报价); exact amounts in yuan. */
	@Transactional
	public void quote(CurrentUser user, long id, int version, List<QuoteLine> lines) {
		if (lines == null || lines.isEmpty()) {
			throw new InvalidInputException("lines", "报价至少要有一项");
		}
		for (QuoteLine line : lines) {
			if (line.item() == null || line.item().isBlank()) {
				throw new InvalidInputException("lines", "请填写报价项目名称");
			}
			if (line.quantity() == null || line.quantity().signum() <= 0 || line.quantity().scale() > 2) {
				throw new InvalidInputException("lines", "“" + line.item() + "”的数量应大于 0，最多两位小数");
			}
			if (line.unitPrice() == null || line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2) {
				throw new InvalidInputException("lines", "“" + line.item() + "”的单价应为不小于 0 的金额，最多两位小数");
			}
		}
		java.math.BigDecimal total = lines.stream().map(QuoteLine::amount).reduce(java.math.BigDecimal.ZERO,
				java.math.BigDecimal::add);
		change(user, load(user, id), version, "报价", "合计 ¥" + total.toPlainString(),
				r -> r.requireQuotable(user.accountId()));
		records.replaceQuote(id, lines.stream().map(l -> new QuoteLine(l.item().strip(), l.quantity(), l.unitPrice())).toList());
	}

	/** The customer accepts the quote; paid work can then be done and completed. */
	@Transactional
	public void acceptQuote(CurrentUser user, long id, int version, String acceptedBy) {
		String by = required(acceptedBy, "acceptedBy", "请填写确认报价的客户姓名");
		boolean hasQuote = !records.quote(id).isEmpty();
		change(user, load(user, id), version, "客户确认报价", by,
				r -> r.acceptQuote(user.accountId(), hasQuote, by, clock.instant()));
	}

	@Transactional
	public void recordMaterials(CurrentUser user, long id, int version, String materials) {
		String used = required(materials, "materials", "请填写使用的材料");
		change(user, load(user, id), version, "登记材料", used, r -> r.recordMaterials(user.accountId(), used));
	}

	@Transactional
	public void collectFee(CurrentUser user, long id, int version, java.math.BigDecimal amount) {
		change(user, load(user, id), version, "收费", amount == null ? null : "¥" + amount.toPlainString(),
				r -> r.collectFee(user.accountId(), amount));
	}

	/**
	 * Merges duplicates (合并) into a parent: several residents report the same broken
	 * lift. The children follow the parent to resolution; each keeps its requester and
	 * gets its own callback.
	 */
	@Transactional
	public void merge(CurrentUser user, long parentId, List<Long> childIds, String reason) {
		ServiceRequest parent = load(user, parentId);
		requireManager(user, parent);
		if (parent.parentId() != null || !parent.status().isOpen()) {
			throw new IllegalTransitionException("主工单须是未办结、未被合并的工单");
		}
		if (childIds == null || childIds.isEmpty()) {
			throw new InvalidInputException("childIds", "请选择要合并的工单");
		}
		String why = required(reason, "reason", "请填写合并原因");
		for (long childId : new java.util.LinkedHashSet<>(childIds)) {
			ServiceRequest child = load(user, childId);
			if (child.siteId() != parent.siteId()) {
				throw new InvalidInputException("childIds", "只能合并同一项目的工单");
			}
			RequestStatus status = child.status();
			child.followParent(parentId);
			save(child);
			history.record(childId, user, "合并", status, status, "合并到 " + parent.number() + "：" + why, clock.instant());
		}
		history.record(parentId, user, "合并", parent.status(), parent.status(),
				"合并了 " + childIds.size() + " 张重复工单：" + why, clock.instant());
		events.publishEvent(new ServiceRequestMerged(parentId, List.copyOf(new java.util.LinkedHashSet<>(childIds)),
				parent.siteId(), clock.instant()));
	}

	/** A daily follow-up note (每日跟踪) on work that is under way. */
	@Transactional
	public void followUp(CurrentUser user, long id, String text) {
		ServiceRequest request = load(user, id);
		String note = required(text, "text", "请填写跟踪情况");
		if (!request.status().isOpen() || request.status() == RequestStatus.REGISTERED) {
			throw new IllegalTransitionException("只有已派工、未办结的工单需要每日跟踪");
		}
		records.addFollowUp(id, user, note, clock.instant());
	}

	public List<FollowUpNote> followUps(CurrentUser user, long id) {
		load(user, id);
		return records.followUps(id);
	}

	public List<QuoteLine> quoteOf(CurrentUser user, long id) {
		load(user, id);
		return records.quote(id);
	}

	/** The customer's signature as a PNG image, within the caller's sites. */
	public byte[] signature(CurrentUser user, long id) {
		load(user, id);
		return records.signature(id).orElseThrow(() -> new NotFoundException("该工单没有客户签名"));
	}

	/** Loads, checks the version the caller saw, applies the transition, saves and records it. */
	private ServiceRequest change(CurrentUser user, ServiceRequest request, int version, String action, String note,
			java.util.function.Consumer<ServiceRequest> transition) {
		if (request.version() != version) {
			throw new StaleDataException();
		}
		if (request.parentId() != null) {
			throw new IllegalTransitionException("工单已合并到主工单，随主工单处理");
		}
		RequestStatus from = request.status();
		transition.accept(request);
		save(request);
		history.record(request.id(), user, action, from, request.status(), trimmed(note), clock.instant());
		return request;
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
		if (request.major() && !person.roles().contains(io.kefu.security.Role.SITE_MANAGER)) {
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

	/** The owner, or a supervisor, site manager or administrator of the site, steers the request. */
	private static void requireManager(CurrentUser user, ServiceRequest request) {
		if (request.ownerId() != user.accountId() && !user.hasRole(io.kefu.security.Role.SUPERVISOR)
				&& !user.hasRole(io.kefu.security.Role.SITE_MANAGER) && !user.isAdministrator()) {
			throw new IllegalTransitionException("只有首问责任人、客服主管或服务中心经理可以这样做");
		}
	}

	private static String required(String text, String field, String message) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, message);
		}
		return text.strip();
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * The request, within the caller's sites. A technician sees only the jobs given
	 * to them (and what they registered themselves).
	 */
	private ServiceRequest load(CurrentUser user, long id) {
		return requests.findByIdAndSiteIdIn(id, user.siteIds())
			.filter(r -> !fieldStaffOnly(user) || r.ownerId() == user.accountId()
					|| java.util.Objects.equals(r.assigneeId(), user.accountId()))
			.orElseThrow(() -> new NotFoundException("没有找到该工单"));
	}

	private static boolean fieldStaffOnly(CurrentUser user) {
		return user.roles().stream().allMatch(role -> role == io.kefu.security.Role.TECHNICIAN);
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
