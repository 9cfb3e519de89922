package io.kefu.request.web;

import java.util.Set;

import io.kefu.request.CategoryManagement;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's page for the category trees of the request types. */
@Controller
class CategoryWebController {

	private final CategoryManagement categories;

	CategoryWebController(CategoryManagement categories) {
		this.categories = categories;
	}

	@GetMapping("/admin/categories")
	String categories(@RequestParam(defaultValue = "REPAIR") RequestType type, Model model) {
		model.addAttribute("type", type);
		model.addAttribute("types", RequestType.values());
		model.addAttribute("categories", categories.all(type));
		return "request/category-admin";
	}

	@PostMapping("/admin/categories")
	String add(CurrentUser user, @RequestParam RequestType type, @RequestParam(required = false) Long parentId,
			@RequestParam String name) {
		categories.add(user, type, parentId, name);
		return "redirect:/admin/categories?type=" + type;
	}

	@PostMapping("/admin/categories/{id}")
	String update(CurrentUser user, @PathVariable long id, @RequestParam RequestType type, @RequestParam String name,
			@RequestParam(defaultValue = "false") boolean active) {
		categories.update(user, id, name, active);
		return "redirect:/admin/categories?type=" + type;
	}

	@Configuration(proxyBeanMethods = false)
	static class CategoryNavigation {

		@Bean
		NavigationItem categoriesNavigation() {
			return NavigationItem.setting(90, "nav.categories", "/admin/categories", Set.of(Role.ADMINISTRATOR));
		}
	}
}
