package io.kefu.callback;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.kefu.shared.Satisfaction;
import io.kefu.callback.domain.Callback;
import io.kefu.callback.domain.CallbackPolicies;
import io.kefu.callback.domain.Callbacks;
import io.kefu.request.Category;
import io.kefu.request.RequestSnapshot;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks (回访) as the agents make them: tries, the outcome that archives or
 * re-dispatches the request, a resident's own rating online, and which requests are
 * called back at all. A callback and its request change together or not at all.
 */
@Service
public class CallbackManagement {

	/** Who makes callbacks and sees the queue. */
	public static final Set<Role> CALLBACK_STAFF = Set.of(Role.AGENT, Role.SUPERVISOR, Role.SITE_MANAGER,
			Role.ADMINISTRATOR);

	private static final String RESIDENT = "业户（网上评价）";

	private final Callbacks callbacks;

	private final CallbackPolicies policies;

	private final ServiceRequestManagement requests;

	private final ServiceRequestQueries queries;

	private final ApplicationEventPublisher events;

	private final CallbackSettings settings;

	private final Clock clock;

	CallbackManagement(Callbacks callbacks, CallbackPolicies policies, ServiceRequestManagement requests,
			ServiceRequestQueries queries, ApplicationEventPublisher events, CallbackSettings settings, Clock clock) {
		this.callbacks = callbacks;
		this.policies = policies;
		this.requests = requests;
		this.queries = queries;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	public static boolean makesCallbacks(CurrentUser user) {
		return CALLBACK_STAFF.stream().anyMatch(user::hasRole);
	}

	/**
	 * A callback for a resolved request the policy leaves out (or whose callback was
	 * withdrawn); the open one when it already has one. Returns its id.
	 */
	@Transactional
	public long schedule(CurrentUser user, long requestId) {
		requireCallbackStaff(user);
		RequestSnapshot request = queries.snapshot(requestId)
			.filter(r -> user.canSee(r.siteId()))
			.orElseThrow(() -> new NotFoundException("没有找到该工单"));
		if (request.status() != RequestStatus.RESOLVED) {
			throw new InvalidInputException("requestId",
					"工单 " + request.number() + " 尚未办结（" + request.status().label() + "），办结后才能回访");
		}
		callbacks.lock(requestId);
		callbacks.create(request, request.resolvedAt(), request.resolvedAt().plus(settings.dueWithoutClock()), false,
				clock.instant());
		return callbacks.findOpen(requestId)
			.orElseThrow(() -> new InvalidInputException("requestId", "工单 " + request.number() + " 这次办结已经回访过了"))
			.id();
	}

	/**
	 * A try that did not reach the customer, or the new time they asked for (改约). After
	 * the failed tries the settings allow, the callback ends as unreachable and the request
	 * is archived so.
	 */
	@Transactional
	public void attempt(CurrentUser user, long id, int version, NewAttempt attempt) {
		Callback callback = load(user, id, version);
		boolean unreachable = callback.attempt(attempt.method(), attempt.result(), attempt.nextTryAt(), attempt.note(),
				user.accountId(), user.displayName(), clock.instant(), settings);
		callbacks.save(callback);
		if (unreachable) {
			requests.closeAfterCallback(user, callback.requestId(),
					"回访无法联系客户（" + callback.failedAttempts() + " 次未成功），按无法联系归档");
			events.publishEvent(new CallbackFailed(callback.id(), callback.requestId(), callback.siteId(),
					callback.failedAttempts(), clock.instant()));
		}
	}

	/**
	 * The customer was reached. Satisfied or neutral: the request is archived (归档).
	 * Dissatisfied: it is re-dispatched (重新派工) with the reason, and its next
	 * resolution brings a new callback.
	 */
	@Transactional
	public void complete(CurrentUser user, long id, int version, CallbackOutcome outcome) {
		Callback callback = load(user, id, version);
		callback.complete(outcome.method(), outcome.satisfaction(), outcome.comment(), user.accountId(),
				user.displayName(), clock.instant());
		callbacks.save(callback);
		if (callback.satisfaction().dissatisfied()) {
			requests.reopenAfterCallback(user, callback.requestId(), "回访不满意：" + callback.comment());
		}
		else {
			requests.closeAfterCallback(user, callback.requestId(), said("回访", callback));
		}
		completed(callback);
	}

	/**
	 * A resident rates their own resolved request online (网上评价): a callback completed
	 * by the method {@link CallbackMethod#ONLINE}, with the same consequences.
	 */
	@Transactional
	public void rateOnline(long requestId, long householdId, Satisfaction satisfaction, String comment) {
		RequestSnapshot request = queries.snapshot(requestId)
			.filter(r -> Objects.equals(r.householdId(), householdId))
			.orElseThrow(() -> new NotFoundException("没有找到该工单"));
		if (request.status() == RequestStatus.CLOSED) {
			throw new InvalidInputException("requestId", "该工单已归档，不能再评价");
		}
		if (request.status() != RequestStatus.RESOLVED) {
			throw new InvalidInputException("requestId", "工单尚未办结（" + request.status().label() + "），办结后才能评价");
		}
		Callback callback = callbacks.findOpen(requestId)
			.orElseThrow(() -> new InvalidInputException("requestId", "该工单没有待回访的记录，无需评价"));
		callback.complete(CallbackMethod.ONLINE, satisfaction, comment, 0, RESIDENT, clock.instant());
		callbacks.save(callback);
		if (satisfaction.dissatisfied()) {
			requests.reopenRatedOnline(requestId, householdId, "网上评价不满意：" + callback.comment());
		}
		else {
			requests.closeRatedOnline(requestId, householdId, said("网上评价", callback));
		}
		completed(callback);
	}

	/** Every policy row with its category's name, the types first. */
	public List<CallbackPolicy> policies() {
		return policies.all().stream().map(p -> p.categoryId() == null ? p
				: new CallbackPolicy(p.type(), p.categoryId(), category(p.type(), p.categoryId()).name(), p.required()))
			.toList();
	}

	/**
	 * Whether resolved requests of the type, or of one of its categories, are called back;
	 * {@code required} null on a category gives it back to its type's rule. Administrators only.
	 */
	@Transactional
	public void setPolicy(CurrentUser user, RequestType type, Long categoryId, Boolean required) {
		if (!user.isAdministrator()) {
			throw new InvalidInputException("type", "只有系统管理员可以设置回访范围");
		}
		if (type == null) {
			throw new InvalidInputException("type", "请选择工单类型");
		}
		if (categoryId != null) {
			category(type, categoryId);
		}
		if (required == null && categoryId != null) {
			policies.clear(type, categoryId);
		}
		else if (required == null) {
			throw new InvalidInputException("required", "请选择是否回访");
		}
		else {
			policies.set(type, categoryId, required);
		}
	}

	private Category category(RequestType type, long categoryId) {
		return requests.categories(type)
			.stream()
			.filter(c -> c.id() == categoryId)
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("categoryId", "类别不属于工单类型“" + type.name() + "”"));
	}

	private Callback load(CurrentUser user, long id, int version) {
		requireCallbackStaff(user);
		Callback callback = callbacks.find(id, user.sites()).orElseThrow(() -> new NotFoundException("没有找到该回访"));
		callback.requireVersion(version);
		return callback;
	}

	static void requireCallbackStaff(CurrentUser user) {
		if (!makesCallbacks(user)) {
			throw new InvalidInputException("user", "只有客服专员、客服主管或服务中心经理可以回访");
		}
	}

	private static String said(String how, Callback callback) {
		return how + callback.satisfaction().label() + (callback.comment() == null ? "" : "：" + callback.comment());
	}

	private void completed(Callback callback) {
		events.publishEvent(new CallbackCompleted(callback.id(), callback.requestId(), callback.siteId(),
				callback.method(), callback.satisfaction(), callback.onTime(), clock.instant()));
	}
}
