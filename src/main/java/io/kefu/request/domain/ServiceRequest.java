package io.kefu.request.domain;

import java.time.Instant;

import io.kefu.request.Channel;
import io.kefu.request.IllegalTransitionException;
import io.kefu.request.Priority;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;

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

	private Instant registeredAt;

	private Instant closedAt;

	@Version
	private int version;

	ServiceRequest() {
	}

	/** Registers (受理) a request; the receiving agent owns it until it is closed. */
	public static ServiceRequest register(long siteId, String number, RequestType type, Long categoryId, Channel channel,
			Priority priority, boolean major, Long householdId, String contactName, String contactPhone,
			boolean anonymous, Long roomId, Long publicAreaId, String place, String description, long ownerId,
			Instant now) {
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
		request.registeredAt = now;
		request.status = RequestStatus.REGISTERED;
		return request;
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
		if (!status.isOpen()) {
			throw new IllegalTransitionException("工单已办结或归档，不能转交");
		}
		if (accountId == ownerId) {
			throw new IllegalTransitionException("该工单已由此人负责");
		}
		ownerId = accountId;
	}

	private void requireStatus(RequestStatus required, String action) {
		if (status != required) {
			throw new IllegalTransitionException("工单当前状态不能" + action);
		}
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

	public int version() {
		return version;
	}
}
