package io.kefu.request.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.kefu.request.Assignment;
import io.kefu.request.Category;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.PauseReason;
import io.kefu.request.QuoteLine;
import io.kefu.request.Queue;
import io.kefu.request.QueueCounts;
import io.kefu.request.QueueFilter;
import io.kefu.request.QueueOrder;
import io.kefu.request.Registration;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.FieldWork;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.ServiceRequestSummary;
import io.kefu.request.SignatureImage;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Page;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service requests of the caller's sites. */
@RestController
@RequestMapping("/api/v1/requests")
class ServiceRequestRestController {

	private final ServiceRequestManagement requests;

	private final ServiceRequestQueries queries;

	private final FieldWork work;

	private final QueueCounts counts;

	ServiceRequestRestController(ServiceRequestManagement requests, ServiceRequestQueries queries, FieldWork work,
			QueueCounts counts) {
		this.requests = requests;
		this.queries = queries;
		this.work = work;
		this.counts = counts;
	}

	/** The live count of every queue, for the tabs. */
	@GetMapping("/counts")
	Map<Queue, Long> counts(CurrentUser user, @RequestParam(required = false) Long site) {
		return counts.of(user, site);
	}

	/** Registers a request; a retry with the same {@code Idempotency-Key} returns the first one. */
	@PostMapping
	ResponseEntity<Registration> register(CurrentUser user, @RequestBody NewRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Registration registration = requests.register(user, request, idempotencyKey);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(registration.replayed()))
			.body(registration);
	}

	@GetMapping("/{id}")
	ServiceRequestDetails request(CurrentUser user, @PathVariable long id) {
		return queries.details(user, id);
	}

	@GetMapping
	Page<ServiceRequestSummary> queue(CurrentUser user, @RequestParam(defaultValue = "OPEN") Queue queue,
			@RequestParam(required = false) Long site, @RequestParam(required = false) RequestType type,
			@RequestParam(required = false) Long category, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Long building,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) QueueOrder order, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		return queries.queue(user, queue, site, new QueueFilter(type, category, channel, building, from, to, order),
				cursor, size);
	}

	@PostMapping("/{id}/transfer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void transfer(CurrentUser user, @PathVariable long id, @RequestBody TransferRequest request) {
		requests.transfer(user, id, request.to(), request.reason(), request.version());
	}

	@PostMapping("/{id}/dispatch")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void dispatch(CurrentUser user, @PathVariable long id, @RequestBody AssignmentRequest request) {
		requests.dispatch(user, id, request.version(), request.assignment());
	}

	@PostMapping("/{id}/reassign")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reassign(CurrentUser user, @PathVariable long id, @RequestBody AssignmentRequest request) {
		requests.reassign(user, id, request.version(), request.assignment());
	}

	@PostMapping("/{id}/accept")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void accept(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		work.accept(user, id, step.version());
	}

	@PostMapping("/{id}/return")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void returnJob(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		work.returnJob(user, id, step.version(), step.note());
	}

	@PostMapping("/{id}/arrive")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void arrive(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		work.arrive(user, id, step.version(), step.note());
	}

	@PostMapping("/{id}/pause")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void pause(CurrentUser user, @PathVariable long id, @RequestBody PauseRequest request) {
		work.pause(user, id, request.version(), request.reason(), request.note());
	}

	@PostMapping("/{id}/resume")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resume(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		work.resume(user, id, step.version());
	}

	@PostMapping("/{id}/complete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(CurrentUser user, @PathVariable long id, @RequestBody CompletionRequest request) {
		work.complete(user, id, request.version(), request.result(), request.confirmedBy(), request.signatureBytes());
	}

	@PostMapping("/{id}/resolve")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resolve(CurrentUser user, @PathVariable long id, @RequestBody ResolutionRequest request) {
		requests.resolve(user, id, request.version(), new Resolution(request.result(), request.complaintValid(),
				request.responsibleDepartmentId(), request.cause(), request.correctiveAction(),
				request.suggestionAdopted(), request.reply(), request.concernedStaffId()));
	}

	@PostMapping("/{id}/reopen")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reopen(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		requests.reopen(user, id, step.version(), step.note());
	}

	@PostMapping("/{id}/close")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void close(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		requests.close(user, id, step.version(), step.note());
	}

	@PutMapping("/{id}/quote")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void quote(CurrentUser user, @PathVariable long id, @RequestBody QuoteRequest request) {
		work.quote(user, id, request.version(), request.lines());
	}

	@PostMapping("/{id}/quote/accept")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void acceptQuote(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		work.acceptQuote(user, id, step.version(), step.note());
	}

	@PostMapping("/{id}/materials")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void materials(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		work.recordMaterials(user, id, step.version(), step.note());
	}

	@PostMapping("/{id}/fee")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void fee(CurrentUser user, @PathVariable long id, @RequestBody FeeRequest request) {
		work.collectFee(user, id, request.version(), request.amount());
	}

	@PostMapping("/{id}/merge")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void merge(CurrentUser user, @PathVariable long id, @RequestBody MergeRequest request) {
		requests.merge(user, id, request.childIds(), request.reason());
	}

	@PostMapping("/{id}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	void followUp(CurrentUser user, @PathVariable long id, @RequestBody FollowUpRequest request) {
		requests.followUp(user, id, request.text());
	}

	@GetMapping(path = "/{id}/signature.png", produces = MediaType.IMAGE_PNG_VALUE)
	byte[] signature(CurrentUser user, @PathVariable long id) {
		return work.signature(user, id);
	}

	@GetMapping("/categories")
	List<Category> categories(@RequestParam RequestType type) {
		return requests.categories(type);
	}

	record TransferRequest(String to, String reason, int version) {
	}

	/** A step that needs only the version the caller saw and, for some, a note or reason. */
	record Step(int version, String note) {
	}

	record AssignmentRequest(int version, Long departmentId, String assignee, Instant appointment, String note) {

		Assignment assignment() {
			return new Assignment(departmentId, assignee, appointment, note);
		}
	}

	record PauseRequest(int version, PauseReason reason, String note) {
	}

	/** The signature, if any, is a PNG image in base64 (as a canvas's data URL gives it, with or without its prefix). */
	record CompletionRequest(int version, String result, String confirmedBy, String signature) {

		byte[] signatureBytes() {
			return SignatureImage.decode(signature);
		}
	}

	record QuoteRequest(int version, List<QuoteLine> lines) {
	}

	record FeeRequest(int version, BigDecimal amount) {
	}

	record MergeRequest(List<Long> childIds, String reason) {
	}

	record FollowUpRequest(String text) {
	}

	record ResolutionRequest(int version, String result, Boolean complaintValid, Long responsibleDepartmentId,
			String cause, String correctiveAction, Boolean suggestionAdopted, String reply, Long concernedStaffId) {
	}
}
