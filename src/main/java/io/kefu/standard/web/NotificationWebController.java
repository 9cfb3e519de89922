package io.kefu.standard.web;

import io.kefu.security.CurrentUser;
import io.kefu.standard.ClockManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The bell in the header and the list of one's notifications (提醒). */
@Controller
class NotificationWebController {

	static final int LIST_SIZE = 100;

	private final ClockManagement clocks;

	NotificationWebController(ClockManagement clocks) {
		this.clocks = clocks;
	}

	@GetMapping("/notifications/bell")
	String bell(CurrentUser user, Model model) {
		model.addAttribute("unread", clocks.unreadCount(user));
		return "standard/bell :: bell";
	}

	@GetMapping("/notifications")
	String list(CurrentUser user, Model model) {
		model.addAttribute("notifications", clocks.notifications(user, LIST_SIZE));
		return "standard/notifications";
	}

	/** Opening a notification marks it read and goes to its request. */
	@PostMapping("/notifications/{id}/read")
	String open(CurrentUser user, @PathVariable long id) {
		return "redirect:/requests/" + clocks.markRead(user, id);
	}

	@PostMapping("/notifications/read-all")
	String readAll(CurrentUser user) {
		clocks.markAllRead(user);
		return "redirect:/notifications";
	}
}
