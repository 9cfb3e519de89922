package io.kefu.script.web;

import java.util.List;
import java.util.stream.Collectors;


import io.kefu.script.PhraseInput;
import io.kefu.script.PhraseManagement;
import io.kefu.script.Placeholder;
import io.kefu.script.Scene;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.SearchQuery;
import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phrases beside the intake form (loaded by htmx from the request module's page, so
 * that module knows nothing of this one), the phrases found by a search, and the editors' page.
 */
@Controller
class PhraseWebController {

	private final PhraseManagement phrases;

	private final DirectoryManagement directory;

	PhraseWebController(PhraseManagement phrases, DirectoryManagement directory) {
		this.phrases = phrases;
		this.directory = directory;
	}

	/** The phrases for the step of the call: after saving, for a complaint, or at its start. */
	@GetMapping("/phrases/intake")
	String intake(CurrentUser user, @RequestParam(required = false) String type,
			@RequestParam(required = false) Long siteId, @RequestParam(required = false) String requestNumber,
			Model model) {
		IntakeStep step = IntakeStep.of(type, requestNumber);
		model.addAttribute("step", step);
		model.addAttribute("phrases", phrases.filled(step.scenes(), siteId, type == null || type.isBlank() ? null : type,
				phrases.contextFor(user).withRequestNumber(requestNumber)));
		return "script/phrase-fragments :: panel";
	}

	@GetMapping("/phrases/search")
	String search(CurrentUser user, @RequestParam String q, Model model) {
		SearchQuery query = SearchQuery.parse(q);
		model.addAttribute("found", phrases.search(user, query).stream().map(p -> query.snippet(p.text())).toList());
		return "script/phrase-fragments :: found";
	}

	@GetMapping("/phrases")
	String library(CurrentUser user, @RequestParam(required = false) Long edit, Model model) {
		model.addAttribute("library", phrases.library(user));
		model.addAttribute("scenes", Scene.values());
		model.addAttribute("types", PhraseManagement.REQUEST_TYPES);
		model.addAttribute("placeholders", Placeholder.all());
		model.addAttribute("mayEdit", PhraseManagement.mayEdit(user));
		model.addAttribute("editing", edit == null ? null : phrases.phrase(edit));
		List<SiteSummary> sites = directory.sites(user);
		model.addAttribute("sites", sites);
		model.addAttribute("siteNames", sites.stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name)));
		return "script/phrases";
	}

	@PostMapping("/phrases")
	String create(CurrentUser user, PhraseForm form, RedirectAttributes redirect) {
		phrases.create(user, form.toInput());
		redirect.addFlashAttribute("notice", "已保存话术");
		return "redirect:/phrases";
	}

	@PostMapping("/phrases/{id}")
	String update(CurrentUser user, @PathVariable long id, PhraseForm form, RedirectAttributes redirect) {
		phrases.update(user, id, form.toInput());
		redirect.addFlashAttribute("notice", "已保存话术");
		return "redirect:/phrases";
	}

	@PostMapping("/phrases/{id}/delete")
	String delete(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		phrases.delete(user, id);
		redirect.addFlashAttribute("notice", "已删除话术");
		return "redirect:/phrases";
	}

	record PhraseForm(String scene, Integer position, String text, Long siteId, String requestType, Integer version) {

		PhraseInput toInput() {
			Scene chosen;
			try {
				chosen = scene == null || scene.isBlank() ? null : Scene.valueOf(scene);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("scene", "没有这个场景");
			}
			return new PhraseInput(chosen, position, text, siteId,
					requestType == null || requestType.isBlank() ? null : requestType, version);
		}
	}

	/** The steps of an intake call and the scenes each shows; once saved, the closing and the next call's greeting. */
	enum IntakeStep {

		CALL_START(List.of(Scene.GREETING, Scene.IDENTIFYING, Scene.WAITING)),
		COMPLAINT(List.of(Scene.APOLOGY, Scene.CALMING, Scene.APPOINTMENT)),
		SAVED(List.of(Scene.CLOSING, Scene.GREETING));

		private final List<Scene> scenes;

		IntakeStep(List<Scene> scenes) {
			this.scenes = scenes;
		}

		List<Scene> scenes() {
			return scenes;
		}

		static IntakeStep of(String type, String requestNumber) {
			if (requestNumber != null && !requestNumber.isBlank() && (type == null || type.isBlank())) {
				return SAVED;
			}
			return "COMPLAINT".equals(type) ? COMPLAINT : CALL_START;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PhraseNavigation {

		@Bean
		NavigationItem phrasesNavigation() {
			return NavigationItem.setting(60, "nav.phrases", "/phrases", PhraseManagement.EDITORS);
		}

		@Bean
		NavigationItem forbiddenPhrasesNavigation() {
			return NavigationItem.setting(61, "nav.forbiddenPhrases", "/forbidden-phrases", PhraseManagement.EDITORS);
		}
	}
}
