package io.kefu.request.web;

import io.kefu.KefuApplication;
import io.kefu.directory.DirectoryManagement;
import io.kefu.request.HistoryEntry;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The printed dispatch slip (派工单) that goes with the technician and comes back
 * signed: A4 or A5, with blanks for what is written by hand on site.
 */
@Controller
class DispatchSlipWebController {

	enum PaperSize {
		A4, A5
	}

	private final ServiceRequestQueries queries;

	private final DirectoryManagement directory;

	DispatchSlipWebController(ServiceRequestQueries queries, DirectoryManagement directory) {
		this.queries = queries;
		this.directory = directory;
	}

	@GetMapping("/requests/{id}/slip")
	String slip(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "A4") PaperSize size,
			Model model) {
		ServiceRequestDetails request = queries.details(user, id);
		model.addAttribute("request", request);
		model.addAttribute("site", directory.site(user, request.siteId()));
		model.addAttribute("dispatcher", request.history()
			.stream()
			.filter(entry -> "派工".equals(entry.action()) || "转派".equals(entry.action()))
			.map(HistoryEntry::actorName)
			.findFirst()
			.orElse(null));
		model.addAttribute("size", size);
		model.addAttribute("sizes", PaperSize.values());
		model.addAttribute("zone", KefuApplication.ZONE);
		return "request/dispatch-slip";
	}
}
