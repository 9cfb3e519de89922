package io.kefu.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in and the links they may follow. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final List<NavigationItem> items;

	LayoutAdvice(List<NavigationItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser(CurrentUser user) {
		return user;
	}

	/** The path of the page, to mark its link; Thymeleaf 3.1 no longer exposes {@code #request}. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation(CurrentUser user) {
		return items.stream().filter(item -> !item.setting() && item.visibleTo(user)).toList();
	}

	@ModelAttribute("settingsMenu")
	List<NavigationItem> settingsMenu(CurrentUser user) {
		return items.stream().filter(item -> item.setting() && item.visibleTo(user)).toList();
	}
}
