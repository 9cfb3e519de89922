package io.kefu.standard.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.standard.ClockManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clock badges that the request module's pages load by htmx: a request's clocks on
 * its page, and the most urgent clock of each row of a queue page.
 */
@Controller
class ClockWebController {

	static final int MAX_BADGES = 100;

	private final ClockManagement clocks;

	private final Clock clock;

	ClockWebController(ClockManagement clocks, Clock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@GetMapping("/requests/{id}/clocks")
	String clocks(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("clocks", clocks.clocksOf(user, id));
		model.addAttribute("now", clock.instant());
		return "standard/clocks :: clocks";
	}

	/** The overdue queue (超时): requests with a clock past its due time, the longest overdue first. */
	@GetMapping("/requests/overdue")
	String overdue(CurrentUser user, Model model) {
		model.addAttribute("overdue", clocks.overdue(user, MAX_BADGES));
		model.addAttribute("count", clocks.overdueCount(user));
		model.addAttribute("now", clock.instant());
		return "standard/overdue";
	}

	/** The overdue tab's count, for the queue page. */
	@GetMapping("/requests/overdue/count")
	String overdueCount(CurrentUser user, Model model) {
		model.addAttribute("count", clocks.overdueCount(user));
		return "standard/overdue :: count";
	}

	/** One out-of-band badge per request id given (comma-separated, at most 100). */
	@GetMapping("/clocks/badges")
	String badges(CurrentUser user, @RequestParam(defaultValue = "") String ids, Model model) {
		List<Long> requestIds;
		try {
			requestIds = Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).map(s -> Long.valueOf(s.strip())).toList();
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("ids", "工单编号列表无效");
		}
		if (requestIds.size() > MAX_BADGES) {
			throw new InvalidInputException("ids", "一次最多 " + MAX_BADGES + " 张工单");
		}
		model.addAttribute("requestIds", requestIds);
		model.addAttribute("badges", clocks.mostUrgent(user, requestIds));
		model.addAttribute("now", clock.instant());
		return "standard/clocks :: badges";
	}
}
