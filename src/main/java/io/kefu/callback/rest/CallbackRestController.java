package io.kefu.callback.rest;

import java.time.Instant;
import java.util.List;

import io.kefu.callback.CallbackCounts;
import io.kefu.callback.CallbackDetails;
import io.kefu.callback.CallbackFigure;
import io.kefu.callback.CallbackManagement;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackOutcome;
import io.kefu.callback.CallbackPolicy;
import io.kefu.callback.CallbackQueries;
import io.kefu.callback.CallbackResult;
import io.kefu.callback.CallbackSummary;
import io.kefu.callback.FigureDimension;
import io.kefu.callback.NewAttempt;
import io.kefu.shared.Satisfaction;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Page;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Callbacks (回访) over the API: the queue and its counts, one callback, tries, the
 * outcome, which requests are called back, and the figures. Choices are sent by name
 * (PHONE) or Chinese label (电话); anything else is refused with the allowed values.
 */
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackRestController {

	private final CallbackQueries queries;

	private final CallbackManagement callbacks;

	CallbackRestController(CallbackQueries queries, CallbackManagement callbacks) {
		this.queries = queries;
		this.callbacks = callbacks;
	}

	@GetMapping
	Page<CallbackSummary> queue(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
		return queries.queue(user, site, cursor, size);
	}

	/** The callbacks behind the figures: those of the requests resolved from {@code from} up to {@code to}. */
	@GetMapping("/resolved")
	Page<CallbackSummary> ofResolutions(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam Instant from, @RequestParam Instant to, @RequestParam(defaultValue = "false") boolean reached,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
		return queries.ofResolutions(user, site, from, to, reached, cursor, size);
	}

	@GetMapping("/counts")
	CallbackCounts counts(CurrentUser user, @RequestParam(required = false) Long site) {
		return queries.counts(user, site);
	}

	/** A callback for a resolved request that has none open (the policy left it out, or it was withdrawn). */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CallbackDetails schedule(CurrentUser user, @RequestBody ScheduleRequest request) {
		return queries.details(user, callbacks.schedule(user, request.requestId()));
	}

	@GetMapping("/{id}")
	CallbackDetails details(CurrentUser user, @PathVariable long id) {
		return queries.details(user, id);
	}

	@PostMapping("/{id}/attempts")
	CallbackDetails attempt(CurrentUser user, @PathVariable long id, @RequestBody AttemptRequest request) {
		callbacks.attempt(user, id, request.version(), new NewAttempt(CallbackMethod.parse(request.method()),
				CallbackResult.parse(request.result()), request.nextTryAt(), request.note()));
		return queries.details(user, id);
	}

	/** 409 when a colleague recorded the outcome first (已被他人处理). */
	@PostMapping("/{id}/outcome")
	CallbackDetails outcome(CurrentUser user, @PathVariable long id, @RequestBody OutcomeRequest request) {
		callbacks.complete(user, id, request.version(), new CallbackOutcome(CallbackMethod.parse(request.method()),
				Satisfaction.parse(request.satisfaction()), request.comment()));
		return queries.details(user, id);
	}

	@GetMapping("/figures")
	List<CallbackFigure> figures(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) FigureDimension by, @RequestParam Instant from, @RequestParam Instant to) {
		return queries.figures(user, site, by, from, to);
	}

	@GetMapping("/policy")
	List<CallbackPolicy> policies() {
		return callbacks.policies();
	}

	/** Administrators only; {@code required} null on a category gives it back to its type's rule. */
	@PutMapping("/policy")
	List<CallbackPolicy> setPolicy(CurrentUser user, @RequestBody PolicyRequest request) {
		callbacks.setPolicy(user, request.type(), request.categoryId(), request.required());
		return callbacks.policies();
	}

	record ScheduleRequest(long requestId) {
	}

	record AttemptRequest(int version, String method, String result, Instant nextTryAt, String note) {
	}

	record OutcomeRequest(int version, String method, String satisfaction, String comment) {
	}

	record PolicyRequest(RequestType type, Long categoryId, Boolean required) {
	}
}
