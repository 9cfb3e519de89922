package io.kefu.security.web;

import java.time.Clock;

import io.kefu.security.ApiTokenManagement;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user's own API tokens: list, create (shown once) and revoke. */
@Controller
class ApiTokenWebController {

	private final ApiTokenManagement tokens;

	private final Clock clock;

	ApiTokenWebController(ApiTokenManagement tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/account/tokens")
	String tokens(CurrentUser user, Model model) {
		model.addAttribute("tokens", tokens.tokens(user));
		model.addAttribute("expiryDays", ApiTokenManagement.EXPIRY_DAYS);
		model.addAttribute("zone", clock.getZone());
		return "security/token-list";
	}

	/**
	 * Answers with the page itself rather than a redirect: a flash attribute would
	 * put the new token into the session table, and the token is stored nowhere.
	 */
	@PostMapping("/account/tokens")
	String create(CurrentUser user, ApiTokenForm form, Model model) {
		model.addAttribute("newToken", tokens.create(user, form.name(), form.expiresInDays()));
		return tokens(user, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(user, id);
		redirect.addFlashAttribute("tokenRevoked", true);
		return "redirect:/account/tokens";
	}

	/** The form to create a token; an empty expiry is a token that never expires. */
	record ApiTokenForm(String name, Integer expiresInDays) {
	}
}
