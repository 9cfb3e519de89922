package io.kefu.script.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.kefu.KefuApplication;
import io.kefu.script.ForbiddenPhraseInput;
import io.kefu.script.ForbiddenPhraseManagement;
import io.kefu.script.OverrideInput;
import io.kefu.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forbidden list and the overrides report for supervisors, and the check that the
 * client script ({@code forbidden-check.js}) runs before any text goes to a customer.
 */
@Controller
class ForbiddenPhraseWebController {

	private static final int REPORT_DAYS = 30;

	private final ForbiddenPhraseManagement forbidden;

	ForbiddenPhraseWebController(ForbiddenPhraseManagement forbidden) {
		this.forbidden = forbidden;
	}

	@GetMapping("/forbidden-phrases")
	String page(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate last = to == null ? LocalDate.now(KefuApplication.ZONE) : to;
		LocalDate first = from == null ? last.minusDays(REPORT_DAYS - 1) : from;
		model.addAttribute("phrases", forbidden.list());
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("zone", KefuApplication.ZONE);
		model.addAttribute("overrides", forbidden.overrides(user, first.atStartOfDay(KefuApplication.ZONE).toInstant(),
				last.plusDays(1).atStartOfDay(KefuApplication.ZONE).toInstant()));
		return "script/forbidden-phrases";
	}

	@PostMapping("/forbidden-phrases")
	String add(CurrentUser user, @RequestParam String phrase, @RequestParam(defaultValue = "false") boolean standalone,
			@RequestParam String suggestion, @RequestParam(defaultValue = "") String allowed, RedirectAttributes redirect) {
		List<String> words = Arrays.stream(allowed.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
		forbidden.add(user, new ForbiddenPhraseInput(phrase, standalone, suggestion, words));
		redirect.addFlashAttribute("notice", "已加入禁忌用语");
		return "redirect:/forbidden-phrases";
	}

	@PostMapping("/forbidden-phrases/{id}/delete")
	String remove(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		forbidden.remove(user, id);
		redirect.addFlashAttribute("notice", "已删除禁忌用语");
		return "redirect:/forbidden-phrases";
	}

	/** The text checked: nothing when clean, else the phrases highlighted with their replacements and a reason field. */
	@PostMapping("/forbidden-phrases/check")
	String check(@RequestParam(defaultValue = "") String text, Model model) {
		model.addAttribute("checked", forbidden.check(text));
		return "script/forbidden-check :: result";
	}

	@PostMapping("/forbidden-phrases/overrides")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ResponseBody
	void override(CurrentUser user, @RequestParam String context, @RequestParam(required = false) String reference,
			@RequestParam String text, @RequestParam String reason) {
		forbidden.recordOverride(user, new OverrideInput(context, reference, text, reason));
	}
}
