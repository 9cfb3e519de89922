package io.kefu.standard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.kefu.security.CurrentUser;
import io.kefu.standard.ClockManagement;
import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The service standards in the order they are tried, each with its clocks and ladder,
 * and how they fared this month (or the days chosen) at the user's sites.
 */
@Controller
class StandardWebController {

	private final ClockManagement clocks;

	private final Clock clock;

	StandardWebController(ClockManagement clocks, Clock clock) {
		this.clocks = clocks;
		this.clock = clock;
	}

	@GetMapping("/standards")
	String standards(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		ZoneId zone = clock.getZone();
		LocalDate first = from != null ? from : LocalDate.now(clock).withDayOfMonth(1);
		LocalDate last = to != null ? to : LocalDate.now(clock);
		model.addAttribute("standards", clocks.standards(user));
		model.addAttribute("mayEdit", user.isAdministrator());
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("figures", clocks.onTime(user, null, first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant()));
		return "standard/standards";
	}

	@Configuration(proxyBeanMethods = false)
	static class StandardNavigation {

		@Bean
		NavigationItem standardsNavigation() {
			return new NavigationItem(40, "nav.standards", "/standards", ClockManagement.READERS);
		}
	}
}
