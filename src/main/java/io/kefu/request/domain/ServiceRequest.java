package io.kefu.request.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.kefu.request.Channel;
import io.kefu.request.IllegalTransitionException;
import io.kefu.request.PauseReason;
import io.kefu.request.Priority;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestStep;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A service request (工单). Its state changes only through the methods below, each of
 * which checks that the change is allowed now.
 */
@Table(schema = "request", name = "service_request")
public class ServiceRequest {

	@Id
	private Long id;

	private long siteId;

	private String number;

	private RequestType type;

	private Long categoryId;

	private Channel channel;

	private Priority priority;

	private boolean major;

	private RequestStatus status;

	private Long householdId;

	private String contactName;

	private String contactPhone;

	private boolean anonymous;

	private Long roomId;

	private Long publicAreaId;

	/** The place as it was named at intake (room code or public area), for lists. */
	private String place;

	private String description;

	private String resolution;

	private long ownerId;

	/** The account of the staff member a praise or complaint is about, if one was named. */
	private Long concernedStaffId;

	private Instant registeredAt;

	private Instant closedAt;

	private Long departmentId;

	private Long assigneeId;

	private Instant appointment;

	private Instant dispatchedAt;

	private Instant acceptedAt;

	private Instant arrivedAt;

	private Instant completedAt;

	private Instant resolvedAt;

	private PauseReason pausedReason;

	private String findings;

	private String workResult;

	private String confirmedBy;

	private Boolean complaintValid;

	private Long responsibleDepartment;

	private String cause;

	private String correctiveAction;

	private Boolean suggestionAdopted;

	private String reply;

	private int reopenCount;

	private String quoteAcceptedBy;

	private Instant quoteAcceptedAt;

	private String materials;

	private BigDecimal feeCollected;

	/** The request this one was merged into (合并): it follows that one to resolution. */
	private Long parentId;

	@Version
	private int version;

	/** Spring Data JDBC takes a request whose version is 0 for a new one, so a saved request starts at 1. */
	private static final int FIRST_VERSION = 1;

	ServiceRequest() {
	}

	/** Registers (受理) a request; the receiving agent owns it until it is closed. */
	public static ServiceRequest register(long siteId, String number, RequestType type, Long categoryId, Channel channel,
			Priority priority, boolean major, Long householdId, String contactName, String contactPhone,
			boolean anonymous, Long roomId, Long publicAreaId, String place, String description, long ownerId,
			Long concernedStaffId, Instant now) {
		ServiceRequest request = new ServiceRequest();
		request.siteId = siteId;
		request.number = number;
		request.type = type;
		request.categoryId = categoryId;
		request.channel = channel;
		request.priority = priority;
		request.major = major;
		request.householdId = householdId;
		request.contactName = contactName;
		request.contactPhone = contactPhone;
		request.anonymous = anonymous;
		request.roomId = roomId;
		request.publicAreaId = publicAreaId;
		request.place = place;
		request.description = description;
		request.ownerId = ownerId;
		request.concernedStaffId = concernedStaffId;
		request.registeredAt = now;
		request.status = RequestStatus.REGISTERED;
		return request;
	}

	/** What a request holds when it is registered, by column; every other column starts empty. */
	Map<String, Object> registrationColumns() {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("site_id", siteId);
		columns.put("number", number);
		columns.put("type", type.name());
		columns.put("category_id", categoryId);
		columns.put("channel", channel.name());
		columns.put("priority", priority.name());
		columns.put("major", major);
		columns.put("status", status.name());
		columns.put("household_id", householdId);
		columns.put("contact_name", contactName);
		columns.put("contact_phone", contactPhone);
		columns.put("anonymous", anonymous);
		columns.put("room_id", roomId);
		columns.put("public_area_id", publicAreaId);
		columns.put("place", place);
		columns.put("description", description);
		columns.put("resolution", resolution);
		columns.put("owner_id", ownerId);
		columns.put("concerned_staff_id", concernedStaffId);
		columns.put("registered_at", registeredAt.atOffset(ZoneOffset.UTC));
		columns.put("closed_at", closedAt == null ? null : closedAt.atOffset(ZoneOffset.UTC));
		columns.put("version", FIRST_VERSION);
		return columns;
	}

	void registeredAs(long id) {
		this.id = id;
		this.version = FIRST_VERSION;
	}

	/** An inquiry (or praise) answered while the customer is on the line: closed at once. */
	public void answerAtOnce(String answer, Instant now) {
		if (!type.answerableAtOnce()) {
			throw new IllegalTransitionException("只有咨询和表扬可以当场答复办结；其他类型需派工处理");
		}
		requireStatus(RequestStatus.REGISTERED, "当场答复");
		resolution = answer;
		status = RequestStatus.CLOSED;
		closedAt = now;
	}

	/** Hands ownership (首问责任) to a colleague; only while the request is open. */
	public void transferTo(long accountId) {
		require(RequestStep.TRANSFER);
		if (accountId == ownerId) {
			throw new IllegalTransitionException("该工单已由此人负责");
		}
		ownerId = accountId;
	}

	/** Dispatches (派工) to a department and person with the agreed visit time. */
	public void dispatch(long departmentId, long assigneeId, Instant appointment, Instant now) {
		require(RequestStep.DISPATCH);
		this.departmentId = departmentId;
		this.assigneeId = assigneeId;
		this.appointment = appointment;
		this.dispatchedAt = now;
		this.acceptedAt = null;
		this.status = RequestStatus.DISPATCHED;
	}

	/** Moves the job to another person (转派) while it is being worked on. */
	public void reassign(long departmentId, long assigneeId, Instant appointment, Instant now) {
		require(RequestStep.REASSIGN);
		if (assigneeId == this.assigneeId) {
			throw new IllegalTransitionException("该工单已派给此人");
		}
		this.departmentId = departmentId;
		this.assigneeId = assigneeId;
		this.appointment = appointment;
		this.dispatchedAt = now;
		this.acceptedAt = null;
		this.arrivedAt = null;
		this.pausedReason = null;
		this.status = RequestStatus.DISPATCHED;
	}

	/** The assignee takes the job (接单). */
	public void accept(long accountId, Instant now) {
		requireAssignee(accountId);
		requireStatus(RequestStatus.DISPATCHED, "接单");
		acceptedAt = now;
		status = RequestStatus.ACCEPTED;
	}

	/** The assignee gives the job back (退单); it waits to be dispatched again. */
	public void returnJob(long accountId) {
		requireAssignee(accountId);
		requireStatus("退单", RequestStatus.DISPATCHED, RequestStatus.ACCEPTED);
		assigneeId = null;
		departmentId = null;
		appointment = null;
		acceptedAt = null;
		status = RequestStatus.REGISTERED;
	}

	/** The assignee arrives on site and notes what they find. */
	public void arrive(long accountId, String findings, Instant now) {
		requireAssignee(accountId);
		requireStatus(RequestStatus.ACCEPTED, "登记到场");
		this.findings = findings;
		arrivedAt = now;
		status = RequestStatus.IN_PROGRESS;
	}

	/** Waiting on the customer or on parts: the clock stops until the work resumes. */
	public void pause(long accountId, PauseReason reason) {
		requireAssignee(accountId);
		requireStatus(RequestStatus.IN_PROGRESS, "暂停");
		pausedReason = reason;
		status = RequestStatus.PAUSED;
	}

	public void resume(long accountId) {
		requireAssignee(accountId);
		requireStatus(RequestStatus.PAUSED, "恢复处理");
		pausedReason = null;
		status = RequestStatus.IN_PROGRESS;
	}

	/** A quote may be written or changed until the customer accepts it; paid services only. */
	public void requireQuotable(long accountId) {
		requirePaidWork(accountId, "报价");
		if (quoteAcceptedAt != null) {
			throw new IllegalTransitionException("客户已确认报价，不能再修改");
		}
	}

	/** The customer accepts the quote (客户确认报价) before the work starts. */
	public void acceptQuote(long accountId, boolean hasQuote, String acceptedBy, Instant now) {
		requireQuotable(accountId);
		if (!hasQuote) {
			throw new IllegalTransitionException("还没有报价");
		}
		quoteAcceptedBy = acceptedBy;
		quoteAcceptedAt = now;
	}

	/** Materials used, as the technician notes them while working. */
	public void recordMaterials(long accountId, String materials) {
		requireAssignee(accountId);
		requireStatus("登记材料", RequestStatus.IN_PROGRESS, RequestStatus.PAUSED);
		this.materials = materials;
	}

	/** The fee collected for paid work (收费), exact to the fen. */
	public void collectFee(long accountId, BigDecimal amount) {
		requireAssignee(accountId);
		if (type != RequestType.PAID_SERVICE) {
			throw new IllegalTransitionException("只有特约服务收费");
		}
		requireStatus("登记收费", RequestStatus.COMPLETED);
		if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
			throw new io.kefu.shared.InvalidInputException("amount", "收费金额应为不小于 0 的金额，最多两位小数");
		}
		feeCollected = amount;
	}

	/** Merges this request into another (合并); it then follows that one to resolution. */
	public void followParent(long parentId) {
		if (id != null && id == parentId) {
			throw new IllegalTransitionException("不能把工单合并到它自己");
		}
		if (this.parentId != null) {
			throw new IllegalTransitionException("工单 " + number + " 已合并到其他工单");
		}
		if (!status.isOpen()) {
			throw new IllegalTransitionException("工单 " + number + " 已办结，不能合并");
		}
		this.parentId = parentId;
	}

	/** Resolved together with the request it follows. */
	public void resolveWithParent(String parentNumber, String result, Instant now) {
		if (parentId == null || !status.isOpen()) {
			return;
		}
		resolution = "随主工单 " + parentNumber + " 办结：" + result;
		resolvedAt = now;
		status = RequestStatus.RESOLVED;
	}

	/** The work is done (完工), confirmed by the customer where there is one. */
	public void complete(long accountId, String result, String confirmedBy, Instant now) {
		requireAssignee(accountId);
		requireStatus(RequestStatus.IN_PROGRESS, "完工");
		if (type == RequestType.PAID_SERVICE && quoteAcceptedAt == null) {
			throw new IllegalTransitionException("特约服务须先经客户确认报价才能完工");
		}
		workResult = result;
		this.confirmedBy = confirmedBy;
		completedAt = now;
		status = RequestStatus.COMPLETED;
	}

	/**
	 * The request is answered (办结). Repairs and paid services must have been done first;
	 * other types may be handled by the owner without dispatch.
	 */
	public void resolve(Resolution resolution, Instant now) {
		require(RequestStep.RESOLVE);
		if (type == RequestType.COMPLAINT && resolution.complaintValid() == null) {
			throw new IllegalTransitionException("投诉办结时须判定是否有效投诉");
		}
		if (type == RequestType.SUGGESTION && (resolution.suggestionAdopted() == null || blank(resolution.reply()))) {
			throw new IllegalTransitionException("建议办结时须说明是否采纳，并填写答复（含理由和感谢）");
		}
		this.resolution = resolution.result();
		complaintValid = resolution.complaintValid();
		responsibleDepartment = resolution.responsibleDepartmentId();
		cause = resolution.cause();
		correctiveAction = resolution.correctiveAction();
		suggestionAdopted = resolution.suggestionAdopted();
		if (resolution.concernedStaffId() != null) {
			concernedStaffId = resolution.concernedStaffId();
		}
		reply = resolution.reply();
		resolvedAt = now;
		status = RequestStatus.RESOLVED;
	}

	/** Reopens (重新派工) a resolved or closed request; what happened before stays in the history. */
	public void reopen() {
		require(RequestStep.REOPEN);
		reopenCount++;
		assigneeId = null;
		departmentId = null;
		appointment = null;
		acceptedAt = null;
		arrivedAt = null;
		completedAt = null;
		resolvedAt = null;
		closedAt = null;
		status = RequestStatus.REGISTERED;
	}

	/**
	 * Reopened after its callback (回访): a merged duplicate whose requester is not
	 * satisfied leaves its parent and is worked again on its own.
	 */
	public void reopenOnItsOwn() {
		parentId = null;
		reopen();
	}

	/** Closes and archives (归档) a resolved request. */
	public void close(Instant now) {
		require(RequestStep.CLOSE);
		closedAt = now;
		status = RequestStatus.CLOSED;
	}

	/** Checks a step of the owner or a supervisor against the state. */
	public void require(RequestStep step) {
		if (!step.allowedIn(status, type)) {
			throw new IllegalTransitionException(step.refusal(status, type));
		}
	}

	private void requirePaidWork(long accountId, String action) {
		requireAssignee(accountId);
		if (type != RequestType.PAID_SERVICE) {
			throw new IllegalTransitionException("只有特约服务需要" + action);
		}
		requireStatus(action, RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS);
	}

	private void requireAssignee(long accountId) {
		if (assigneeId == null || assigneeId != accountId) {
			throw new IllegalTransitionException("这不是派给您的工单");
		}
	}

	private void requireStatus(RequestStatus required, String action) {
		requireStatus(action, required);
	}

	private void requireStatus(String action, RequestStatus... allowed) {
		for (RequestStatus candidate : allowed) {
			if (status == candidate) {
				return;
			}
		}
		throw new IllegalTransitionException("工单当前状态（" + status.label() + "）不能" + action);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public Long id() {
		return id;
	}

	public long siteId() {
		return siteId;
	}

	public String number() {
		return number;
	}

	public RequestType type() {
		return type;
	}

	public Long categoryId() {
		return categoryId;
	}

	public Channel channel() {
		return channel;
	}

	public Priority priority() {
		return priority;
	}

	public boolean major() {
		return major;
	}

	public RequestStatus status() {
		return status;
	}

	public long ownerId() {
		return ownerId;
	}

	public Long assigneeId() {
		return assigneeId;
	}

	public Long departmentId() {
		return departmentId;
	}

	public Instant appointment() {
		return appointment;
	}

	public Long householdId() {
		return householdId;
	}

	public Long parentId() {
		return parentId;
	}

	public int version() {
		return version;
	}
}
