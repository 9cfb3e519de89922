package io.kefu.callback.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.kefu.KefuApplication;
import io.kefu.callback.ActivityInput;
import io.kefu.callback.ActivitySummary;
import io.kefu.callback.CallbackResult;
import io.kefu.callback.CommunityActivities;
import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.Satisfaction;
import io.kefu.web.Notices;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Community activities (社区活动): recording one with the rooms that took part, and
 * calling back the sampled households with one tap per result.
 */
@Controller
class ActivityWebController {

	private static final int LIST_SIZE = 50;

	private final CommunityActivities activities;

	private final DirectoryManagement directory;

	private final Notices notices;

	private final Clock clock;

	ActivityWebController(CommunityActivities activities, DirectoryManagement directory, Notices notices, Clock clock) {
		this.activities = activities;
		this.directory = directory;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/callbacks/activities")
	String list(CurrentUser user, @RequestParam(required = false) Long site, Model model) {
		return page(user, site, new ActivityForm(site, null, LocalDate.now(clock.withZone(KefuApplication.ZONE)), null),
				model);
	}

	/** A refused activity comes back with everything typed and the reason; nothing is saved. */
	@PostMapping("/callbacks/activities")
	String record(CurrentUser user, ActivityForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		long id;
		try {
			id = activities.record(user, form.input());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(user, form.site(), form, model);
		}
		return notices.redirect("/callbacks/activities/" + id, "activities.recorded", redirect, locale);
	}

	@GetMapping("/callbacks/activities/{id}")
	String details(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("details", activities.details(user, id));
		model.addAttribute("levels", Satisfaction.values());
		model.addAttribute("failures", List.of(CallbackResult.NO_ANSWER, CallbackResult.REFUSED,
				CallbackResult.INVALID_NUMBER));
		model.addAttribute("zone", KefuApplication.ZONE);
		return "callback/activity-detail";
	}

	/** One tap: a satisfaction level (reached) or the result of a failed try. */
	@PostMapping("/callbacks/activities/{id}/callbacks/{householdId}")
	String call(CurrentUser user, @PathVariable long id, @PathVariable long householdId, @RequestParam int version,
			@RequestParam String outcome, @RequestParam(required = false) String comment, RedirectAttributes redirect,
			Locale locale) {
		boolean reached = Arrays.stream(Satisfaction.values()).anyMatch(l -> l.name().equals(outcome));
		activities.call(user, id, householdId, version,
				reached ? CallbackResult.REACHED : CallbackResult.parse(outcome),
				reached ? Satisfaction.valueOf(outcome) : null, comment);
		return notices.redirect("/callbacks/activities/" + id, "activities.called", redirect, locale);
	}

	private String page(CurrentUser user, Long site, ActivityForm form, Model model) {
		List<ActivitySummary> list = activities.activities(user, site, LIST_SIZE);
		model.addAttribute("activities", list);
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("site", site);
		model.addAttribute("form", form);
		model.addAttribute("target", ActivitySummary.TARGET_PERCENT);
		return "callback/activity-list";
	}

	/** The form as typed: the rooms one per line (or separated by commas or spaces). */
	record ActivityForm(Long site, String name, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			String rooms) {

		ActivityInput input() {
			return new ActivityInput(site, name, heldOn,
					rooms == null ? List.of() : Arrays.asList(rooms.split("[\\s,，、]+")));
		}
	}
}
