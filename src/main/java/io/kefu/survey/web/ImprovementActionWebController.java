package io.kefu.survey.web;

import java.time.LocalDate;
import java.util.Locale;

import io.kefu.security.CurrentUser;
import io.kefu.survey.ImprovementActionInput;
import io.kefu.survey.ImprovementActionManagement;
import io.kefu.survey.ImprovementActionSummary;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Improvement actions (整改): the list of those not verified yet, and each step on the wave page. */
@Controller
class ImprovementActionWebController {

	private final ImprovementActionManagement actions;

	private final MessageSource messages;

	ImprovementActionWebController(ImprovementActionManagement actions, MessageSource messages) {
		this.actions = actions;
		this.messages = messages;
	}

	@GetMapping("/surveys/actions")
	String pending(CurrentUser user, @RequestParam(defaultValue = "false") boolean overdue, Model model) {
		model.addAttribute("actions", actions.pending(user, overdue));
		model.addAttribute("overdueOnly", overdue);
		return "survey/action-list";
	}

	@PostMapping("/surveys/{waveId}/actions")
	String create(CurrentUser user, @PathVariable long waveId, ActionForm form, RedirectAttributes redirect,
			Locale locale) {
		actions.create(user, waveId, new ImprovementActionInput(form.what(), form.owner(), form.dueDate()));
		return done(waveId, "surveys.actions.created", redirect, locale);
	}

	@PostMapping("/surveys/actions/{id}/done")
	String complete(CurrentUser user, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect,
			Locale locale) {
		ImprovementActionSummary action = actions.complete(user, id, version);
		return done(action.waveId(), "surveys.actions.completed", redirect, locale);
	}

	@PostMapping("/surveys/actions/{id}/verify")
	String verify(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
		ImprovementActionSummary action = actions.verify(user, id, version, note);
		return done(action.waveId(), "surveys.actions.verified", redirect, locale);
	}

	@PostMapping("/surveys/actions/{id}/reopen")
	String reopen(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
		ImprovementActionSummary action = actions.reopen(user, id, version, note);
		return done(action.waveId(), "surveys.actions.reopened", redirect, locale);
	}

	private String done(long waveId, String key, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("notice", messages.getMessage(key, null, locale));
		return "redirect:/surveys/" + waveId + "#actions";
	}

	record ActionForm(String what, long owner, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate) {
	}
}
