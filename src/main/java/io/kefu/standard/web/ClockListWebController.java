package io.kefu.standard.web;

import java.time.Clock;
import java.time.LocalDate;

import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.standard.ClockFilter;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ServiceStandard;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The clocks behind an on-time figure of the dashboard: the list its numbers link to. */
@Controller
class ClockListWebController {

	private final ClockManagement clocks;

	private final DirectoryManagement directory;

	private final Clock clock;

	ClockListWebController(ClockManagement clocks, DirectoryManagement directory, Clock clock) {
		this.clocks = clocks;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/clocks")
	String list(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long standard, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String state, @RequestParam(required = false) String cursor,
			HttpServletRequest request, Model model) {
		ClockFilter filter = ClockFilter.days(site, from, to, clock.getZone(), standard, kind, state);
		model.addAttribute("page", clocks.clocks(user, filter, cursor, null));
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("siteName", site == null ? null : directory.site(user, site).name());
		model.addAttribute("standardName", standard == null ? null : clocks.standards(user).stream()
			.filter(s -> s.id() == standard)
			.map(ServiceStandard::name)
			.findFirst()
			.orElse(null));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("nextPage", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("cursor"));
		return "standard/clock-list";
	}
}
