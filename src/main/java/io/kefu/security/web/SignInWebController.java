package io.kefu.security.web;

import io.kefu.security.SecuritySettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignInWebController {

	private final SecuritySettings settings;

	SignInWebController(SecuritySettings settings) {
		this.settings = settings;
	}

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String error, Model model) {
		model.addAttribute("error", error);
		model.addAttribute("maxAttempts", settings.maxFailedAttempts());
		model.addAttribute("lockMinutes", settings.lockDuration().toMinutes());
		return "security/sign-in";
	}
}
