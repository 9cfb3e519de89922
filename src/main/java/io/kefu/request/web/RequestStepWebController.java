package io.kefu.request.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kefu.request.Assignment;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.web.Notices;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The small forms of the request page: transfer, dispatch, reassign, resolve, reopen,
 * close, merge and the daily follow-up. Each posts the version the agent saw; a
 * refused step changes nothing and comes back with the reason on top.
 */
@Controller
@RequestMapping("/requests/{id}")
class RequestStepWebController {

	private final ServiceRequestManagement requests;

	private final ServiceRequestQueries queries;

	private final Notices notices;

	private final Clock clock;

	RequestStepWebController(ServiceRequestManagement requests, ServiceRequestQueries queries,
			Notices notices, Clock clock) {
		this.requests = requests;
		this.queries = queries;
		this.notices = notices;
		this.clock = clock;
	}

	@PostMapping("/transfer")
	String transfer(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String to, @RequestParam(required = false) String reason,
			RedirectAttributes redirect, Locale locale) {
		requests.transfer(user, id, to, reason, version);
		return done(id, "requests.done.transferred", redirect, locale);
	}

	/** Dispatch (派工) a new request, or reassign (转派) one being worked on. */
	@PostMapping("/{step:dispatch|reassign}")
	String assign(CurrentUser user, @PathVariable long id, @PathVariable String step, @RequestParam int version,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String appointment, @RequestParam(required = false) String note,
			RedirectAttributes redirect, Locale locale) {
		Assignment assignment = new Assignment(departmentId, assignee, instant(appointment), note);
		if (step.equals("dispatch")) {
			requests.dispatch(user, id, version, assignment);
			return done(id, "requests.done.dispatched", redirect, locale);
		}
		requests.reassign(user, id, version, assignment);
		return done(id, "requests.done.reassigned", redirect, locale);
	}

	@PostMapping("/resolve")
	String resolve(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String result, @RequestParam(required = false) Boolean complaintValid,
			@RequestParam(required = false) Long responsibleDepartmentId,
			@RequestParam(required = false) String cause, @RequestParam(required = false) String correctiveAction,
			@RequestParam(required = false) Boolean suggestionAdopted, @RequestParam(required = false) String reply,
			@RequestParam(required = false) Long concernedStaffId, RedirectAttributes redirect, Locale locale) {
		requests.resolve(user, id, version, new Resolution(result, complaintValid, responsibleDepartmentId, cause,
				correctiveAction, suggestionAdopted, reply, concernedStaffId));
		return done(id, "requests.done.resolved", redirect, locale);
	}

	@PostMapping("/reopen")
	String reopen(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
		requests.reopen(user, id, version, reason);
		return done(id, "requests.done.reopened", redirect, locale);
	}

	@PostMapping("/close")
	String close(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
		requests.close(user, id, version, note);
		return done(id, "requests.done.closed", redirect, locale);
	}

	/** The duplicates come as request numbers, one per line or separated by commas or spaces. */
	@PostMapping("/merge")
	String merge(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String numbers,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
		List<Long> children = new ArrayList<>();
		for (String number : (numbers == null ? "" : numbers).split("[\\s,，、;；]+")) {
			if (!number.isBlank()) {
				children.add(queries.findIdByNumber(user, number)
					.orElseThrow(() -> new InvalidInputException("numbers", "没有找到工单 " + number.strip())));
			}
		}
		requests.merge(user, id, children, reason);
		return done(id, "requests.done.merged", redirect, locale);
	}

	@PostMapping("/follow-up")
	String followUp(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
			RedirectAttributes redirect, Locale locale) {
		requests.followUp(user, id, text);
		return done(id, "requests.done.followUp", redirect, locale);
	}

	private String done(long id, String noticeKey, RedirectAttributes redirect, Locale locale) {
		return notices.redirect("/requests/" + id, noticeKey, redirect, locale);
	}

	/** The browser's datetime-local value, read in China Standard Time. */
	private Instant instant(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("appointment", "约定时间“" + value.strip() + "”格式不对");
		}
	}
}
