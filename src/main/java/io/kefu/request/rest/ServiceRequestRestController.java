package io.kefu.request.rest;

import java.util.List;

import io.kefu.request.Category;
import io.kefu.request.NewRequest;
import io.kefu.request.Queue;
import io.kefu.request.Registration;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	ServiceRequestRestController(ServiceRequestManagement requests) {
		this.requests = requests;
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
		return requests.details(user, id);
	}

	@GetMapping
	Page<ServiceRequestSummary> queue(CurrentUser user, @RequestParam(defaultValue = "OPEN") Queue queue,
			@RequestParam(required = false) Long site, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		return requests.queue(user, queue, site, cursor, size);
	}

	@PostMapping("/{id}/transfer")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void transfer(CurrentUser user, @PathVariable long id, @RequestBody TransferRequest request) {
		requests.transfer(user, id, request.to(), request.reason(), request.version());
	}

	@GetMapping("/categories")
	List<Category> categories(@RequestParam RequestType type) {
		return requests.categories(type);
	}

	record TransferRequest(String to, String reason, int version) {
	}
}
