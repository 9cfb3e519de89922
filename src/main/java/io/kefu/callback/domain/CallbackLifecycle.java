package io.kefu.callback.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.kefu.callback.CallbackSettings;
import io.kefu.callback.CallbackState;
import io.kefu.request.Category;
import io.kefu.request.CategoryManagement;
import io.kefu.request.RequestSnapshot;
import io.kefu.request.RequestStatus;
import io.kefu.request.ServiceRequestClosed;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.ServiceRequestReopened;
import io.kefu.request.ServiceRequestResolved;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ClockRescheduled;
import io.kefu.standard.ClockStarted;
import io.kefu.standard.ClockState;
import io.kefu.standard.RequestClockView;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Callbacks follow their requests: one is created when a request the policy covers is
 * resolved (each merged duplicate gets its own), falls due with the request's callback
 * clock, and ends when other hands reopen or archive the request. Every listener may run
 * again for the same event and changes nothing the second time.
 */
@Component
class CallbackLifecycle {

	private final Callbacks callbacks;

	private final CallbackPolicies policies;

	private final CategoryManagement categories;

	private final ServiceRequestQueries requests;

	private final ClockManagement clocks;

	private final CallbackSettings settings;

	private final Clock clock;

	CallbackLifecycle(Callbacks callbacks, CallbackPolicies policies, CategoryManagement categories, ServiceRequestQueries requests,
			ClockManagement clocks, CallbackSettings settings, Clock clock) {
		this.callbacks = callbacks;
		this.policies = policies;
		this.categories = categories;
		this.requests = requests;
		this.clocks = clocks;
		this.settings = settings;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ServiceRequestResolved event) {
		Long parent = event.categoryId() == null ? null
				: categories.find(event.categoryId()).map(Category::parentId).orElse(null);
		if (!policies.required(event.type(), event.categoryId(), parent)) {
			return;
		}
		callbacks.lock(event.requestId());
		Optional<RequestSnapshot> request = requests.snapshot(event.requestId())
			.filter(r -> r.status() == RequestStatus.RESOLVED);
		if (request.isEmpty()) {
			return;
		}
		Optional<RequestClockView> due = clocks.due(event.requestId(), ClockKind.CALLBACK);
		boolean waiting = due.map(c -> c.state() == ClockState.WAITING).orElse(false);
		Instant dueAt = due.map(RequestClockView::dueAt)
			.orElse(waiting ? null : event.occurredAt().plus(settings.dueWithoutClock()));
		callbacks.create(request.get(), event.occurredAt(), dueAt, waiting, clock.instant());
	}

	/**
	 * In the transaction that starts the clock: one indexed update, where a published event
	 * for every clock of every request (most of them not callback clocks) would cost more.
	 */
	@EventListener
	void on(ClockStarted event) {
		due(event.kind(), event.requestId(), event.dueAt());
	}

	/** A resumed callback clock, or one worked out again after a standard or calendar change. */
	@EventListener
	void on(ClockRescheduled event) {
		due(event.kind(), event.requestId(), event.dueAt());
	}

	private void due(ClockKind kind, long requestId, Instant dueAt) {
		if (kind == ClockKind.CALLBACK && dueAt != null) {
			callbacks.lock(requestId);
			callbacks.dueAt(requestId, dueAt);
		}
	}

	/*
	 * Reopened or archived by other hands: in the request's own transaction, one update on
	 * the open callbacks' index. Most closings are inquiries answered on the phone, which
	 * have no callback; a published event for each would cost every such intake a row.
	 */
	@EventListener
	void on(ServiceRequestReopened event) {
		callbacks.end(event.requestId(), CallbackState.WITHDRAWN, event.occurredAt());
	}

	@EventListener
	void on(ServiceRequestClosed event) {
		callbacks.end(event.requestId(), CallbackState.MISSED, event.occurredAt());
	}
}
