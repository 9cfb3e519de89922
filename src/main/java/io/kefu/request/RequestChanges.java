package io.kefu.request;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

import io.kefu.request.domain.RequestHistory;
import io.kefu.request.domain.ServiceRequest;
import io.kefu.request.domain.ServiceRequestRepository;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * How every step changes a request: loaded within the caller's sites, checked against
 * the version the caller saw, changed by the aggregate, saved and written to the history.
 */
@Component
class RequestChanges {

	private final ServiceRequestRepository requests;

	private final RequestHistory history;

	private final Clock clock;

	RequestChanges(ServiceRequestRepository requests, RequestHistory history, Clock clock) {
		this.requests = requests;
		this.history = history;
		this.clock = clock;
	}

	/** Loads the request within the caller's sites and applies the step to it. */
	ServiceRequest apply(CurrentUser user, long id, int version, String action, String note,
			Consumer<ServiceRequest> transition) {
		return apply(user, load(user, id), version, action, note, transition);
	}

	/** Checks the version the caller saw, applies the transition, saves and records it. */
	ServiceRequest apply(CurrentUser user, ServiceRequest request, int version, String action, String note,
			Consumer<ServiceRequest> transition) {
		if (request.version() != version) {
			throw new StaleDataException();
		}
		if (request.parentId() != null) {
			throw new IllegalTransitionException("工单已合并到主工单，随主工单处理");
		}
		return record(user.accountId(), user.displayName(), request, action, note, transition);
	}

	/**
	 * Applies the step, saves and records it, without the owner's checks: for the steps
	 * that follow a callback (回访), which a merged duplicate takes on its own.
	 */
	ServiceRequest record(long actorId, String actorName, ServiceRequest request, String action, String note,
			Consumer<ServiceRequest> transition) {
		RequestStatus from = request.status();
		transition.accept(request);
		save(request);
		history.record(request.id(), actorId, actorName, action, from, request.status(), trimmed(note), clock.instant());
		return request;
	}

	/** The owner, or a supervisor, site manager or administrator of the site, steers the request. */
	static void requireManager(CurrentUser user, ServiceRequest request) {
		if (request.ownerId() != user.accountId() && !user.hasRole(Role.SUPERVISOR)
				&& !user.hasRole(Role.SITE_MANAGER) && !user.isAdministrator()) {
			throw new IllegalTransitionException("只有首问责任人、客服主管或服务中心经理可以这样做");
		}
	}

	/** Callbacks (回访) are made by the agents, supervisors and managers of the site, not only the owner. */
	static void requireCallbackStaff(CurrentUser user, ServiceRequest request) {
		if (request.ownerId() != user.accountId() && !user.hasRole(Role.AGENT) && !user.hasRole(Role.SUPERVISOR)
				&& !user.hasRole(Role.SITE_MANAGER) && !user.isAdministrator()) {
			throw new IllegalTransitionException("只有客服专员、客服主管或服务中心经理可以回访");
		}
	}

	static String required(String text, String field, String message) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, message);
		}
		return text.strip();
	}

	static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * The request, within the caller's sites. A technician sees only the jobs given
	 * to them (and what they registered themselves).
	 */
	ServiceRequest load(CurrentUser user, long id) {
		return requests.findByIdAndSiteIdIn(id, user.siteIds())
			.filter(r -> !fieldStaffOnly(user) || r.ownerId() == user.accountId()
					|| Objects.equals(r.assigneeId(), user.accountId()))
			.orElseThrow(() -> new NotFoundException("没有找到该工单"));
	}

	/** The request as {@link #load} finds it, if it is still the version the caller saw. */
	ServiceRequest load(CurrentUser user, long id, int version) {
		ServiceRequest request = load(user, id);
		if (request.version() != version) {
			throw new StaleDataException();
		}
		return request;
	}

	private static boolean fieldStaffOnly(CurrentUser user) {
		return user.roles().stream().allMatch(role -> role == Role.TECHNICIAN);
	}

	void save(ServiceRequest request) {
		try {
			requests.save(request);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleDataException();
		}
	}
}
