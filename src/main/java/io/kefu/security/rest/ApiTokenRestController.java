package io.kefu.security.rest;

import java.util.List;

import io.kefu.security.ApiTokenManagement;
import io.kefu.security.ApiTokenSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.NewApiToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens; a new token's text is in the 201 answer and never again. */
@RestController
@RequestMapping("/api/v1/account/tokens")
class ApiTokenRestController {

	private final ApiTokenManagement tokens;

	ApiTokenRestController(ApiTokenManagement tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	List<ApiTokenSummary> tokens(CurrentUser user) {
		return tokens.tokens(user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	NewApiToken create(CurrentUser user, @RequestBody ApiTokenRequest request) {
		return tokens.create(user, request.name(), request.expiresInDays());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(CurrentUser user, @PathVariable long id) {
		tokens.revoke(user, id);
	}

	/**
	 * @param name          what the token is for, 1–50 characters
	 * @param expiresInDays 30, 90 or 365; absent for a token that never expires
	 */
	record ApiTokenRequest(String name, Integer expiresInDays) {
	}
}
