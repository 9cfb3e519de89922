package io.kefu.request.web;

import java.time.Clock;
import java.time.LocalDate;

import io.kefu.request.Channel;
import io.kefu.request.QueueFilter;
import io.kefu.request.RequestSearch;
import io.kefu.request.RequestType;
import io.kefu.request.SearchState;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The requests behind a report's figure, in any state: the list a dashboard's numbers link to. */
@Controller
class RequestSearchWebController {

	private final ServiceRequestQueries queries;

	private final Clock clock;

	RequestSearchWebController(ServiceRequestQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/requests/search")
	String search(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) RequestType type, @RequestParam(required = false) Long category,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) Long building,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "ALL") SearchState state, @RequestParam(defaultValue = "false") boolean repeat,
			@RequestParam(required = false) Long department, @RequestParam(required = false) Boolean valid,
			@RequestParam(required = false) Long owner, @RequestParam(required = false) Long concerned,
			@RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
		RequestSearch search = new RequestSearch(new QueueFilter(type, category, channel, building, from, to), state,
				repeat, department, valid, owner, concerned);
		model.addAttribute("search", search);
		model.addAttribute("page", queries.search(user, site, search, cursor, RequestWebController.PAGE_SIZE));
		model.addAttribute("now", clock.instant());
		model.addAttribute("nextPage", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("cursor"));
		return "request/request-search";
	}
}
