package io.kefu.script.rest;

import java.util.List;

import io.kefu.script.FilledPhrase;
import io.kefu.script.Phrase;
import io.kefu.script.PhraseInput;
import io.kefu.script.PhraseManagement;
import io.kefu.script.Scene;
import io.kefu.security.CurrentUser;
import io.kefu.shared.SearchQuery;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The phrase library: the whole of it, a scene filled for the caller, search, and editing. */
@RestController
@RequestMapping("/api/v1/phrases")
class PhraseRestController {

	private final PhraseManagement phrases;

	PhraseRestController(PhraseManagement phrases) {
		this.phrases = phrases;
	}

	@GetMapping
	List<Phrase> library(CurrentUser user) {
		return phrases.library(user);
	}

	/** A scene's phrases filled for the signed-in agent and, when given, the customer, request and appointment. */
	@GetMapping("/filled")
	List<FilledPhrase> filled(CurrentUser user, @RequestParam Scene scene, @RequestParam(required = false) Long siteId,
			@RequestParam(required = false) String requestType, @RequestParam(required = false) String customerTitle,
			@RequestParam(required = false) String requestNumber, @RequestParam(required = false) String appointment) {
		return phrases.filled(List.of(scene), siteId, requestType, phrases.contextFor(user)
			.withCustomerTitle(customerTitle)
			.withRequestNumber(requestNumber)
			.withAppointment(appointment));
	}

	@GetMapping("/search")
	List<Phrase> search(CurrentUser user, @RequestParam String q) {
		return phrases.search(user, SearchQuery.parse(q));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Phrase create(CurrentUser user, @RequestBody PhraseInput input) {
		return phrases.create(user, input);
	}

	@PutMapping("/{id}")
	Phrase update(CurrentUser user, @PathVariable long id, @RequestBody PhraseInput input) {
		return phrases.update(user, id, input);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(CurrentUser user, @PathVariable long id) {
		phrases.delete(user, id);
	}
}
