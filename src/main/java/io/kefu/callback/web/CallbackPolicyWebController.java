package io.kefu.callback.web;

import java.util.Locale;
import java.util.Set;

import io.kefu.callback.CallbackManagement;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.web.NavigationItem;
import io.kefu.web.Notices;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators say which resolved requests are called back: per type, and per category where it differs. */
@Controller
class CallbackPolicyWebController {

	private final CallbackManagement callbacks;

	private final ServiceRequestManagement requests;

	private final Notices notices;

	CallbackPolicyWebController(CallbackManagement callbacks, ServiceRequestManagement requests, Notices notices) {
		this.callbacks = callbacks;
		this.requests = requests;
		this.notices = notices;
	}

	@GetMapping("/admin/callback-policy")
	String page(@RequestParam(required = false) RequestType type, Model model) {
		RequestType chosen = type == null ? RequestType.REPAIR : type;
		model.addAttribute("policies", callbacks.policies());
		model.addAttribute("types", RequestType.values());
		model.addAttribute("type", chosen);
		model.addAttribute("categories", requests.categories(chosen));
		return "callback/callback-policy";
	}

	/** {@code required} empty on a category gives it back to its type's rule. */
	@PostMapping("/admin/callback-policy")
	String save(CurrentUser user, @RequestParam RequestType type, @RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) Boolean required, RedirectAttributes redirect, Locale locale) {
		callbacks.setPolicy(user, type, categoryId, required);
		return notices.redirect("/admin/callback-policy?type=" + type, "callbacks.policy.saved", redirect, locale);
	}

	@Configuration(proxyBeanMethods = false)
	static class CallbackPolicyNavigation {

		@Bean
		NavigationItem callbackPolicyNavigation() {
			return NavigationItem.setting(91, "nav.callbackPolicy", "/admin/callback-policy", Set.of(Role.ADMINISTRATOR));
		}
	}
}
