package io.kefu.survey.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.Satisfaction;
import io.kefu.survey.AnswerInput;
import io.kefu.survey.ImprovementActionManagement;
import io.kefu.survey.SampledHousehold;
import io.kefu.survey.SurveyManagement;
import io.kefu.survey.SurveyResults;
import io.kefu.survey.WaveInput;
import io.kefu.survey.WaveSummary;
import io.kefu.web.Downloads;
import io.kefu.web.NavigationItem;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The survey pages: the waves, one wave with its sample and visitors, visit lists, answer forms, results. */
@Controller
class SurveyWebController {

	private static final Pattern QUESTION = Pattern.compile("q\\d{1,18}");

	private final SurveyManagement surveys;

	private final ImprovementActionManagement actions;

	private final DirectoryManagement directory;

	private final MessageSource messages;

	SurveyWebController(SurveyManagement surveys, ImprovementActionManagement actions, DirectoryManagement directory,
			MessageSource messages) {
		this.surveys = surveys;
		this.actions = actions;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/surveys")
	String list(CurrentUser user, Model model) {
		model.addAttribute("waves", surveys.waves(user));
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("questionnaires", surveys.questionnaires());
		model.addAttribute("settings", surveys.settings());
		model.addAttribute("overdue", actions.pending(user, true).size());
		model.addAttribute("mayOrganise", SurveyManagement.mayOrganise(user));
		return "survey/wave-list";
	}

	@PostMapping("/surveys")
	String create(CurrentUser user, WaveForm form, RedirectAttributes redirect, Locale locale) {
		WaveSummary wave = surveys.createWave(user, new WaveInput(form.site(), form.name(), form.questionnaire(),
				form.sampleShare(), form.avoidWaves(), form.seed()));
		redirect.addFlashAttribute("notice",
				messages.getMessage("surveys.created", new Object[] { wave.name(), wave.sampled() }, locale));
		return "redirect:/surveys/" + wave.id();
	}

	@GetMapping("/surveys/{id}")
	String wave(CurrentUser user, @PathVariable long id, Model model) {
		WaveSummary wave = surveys.wave(user, id);
		List<SampledHousehold> sample = surveys.sample(user, id, null);
		model.addAttribute("wave", wave);
		model.addAttribute("sample", sample);
		model.addAttribute("visitors", surveys.visitors(user, id));
		model.addAttribute("staff", surveys.staff(user, id));
		model.addAttribute("actions", actions.ofWave(user, id));
		model.addAttribute("today", actions.today());
		model.addAttribute("mayOrganise", SurveyManagement.mayOrganise(user));
		model.addAttribute("mayKeyIn", SurveyManagement.mayKeyIn(user));
		return "survey/wave-detail";
	}

	@PostMapping("/surveys/{id}/visitors")
	String assign(CurrentUser user, @PathVariable long id, @RequestParam(required = false) List<Long> visitors,
			RedirectAttributes redirect, Locale locale) {
		surveys.assignVisitors(user, id, visitors);
		redirect.addFlashAttribute("notice", messages.getMessage("surveys.visitors.assigned", null, locale));
		return "redirect:/surveys/" + id;
	}

	/** The visit list to print on A4: everyone's, or one visitor's. */
	@GetMapping("/surveys/{id}/visits")
	String visits(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long visitor,
			Model model) {
		model.addAttribute("wave", surveys.wave(user, id));
		model.addAttribute("sample", surveys.sample(user, id, visitor));
		model.addAttribute("visitors", surveys.visitors(user, id));
		model.addAttribute("visitor", visitor);
		return "survey/visit-list";
	}

	@GetMapping("/surveys/{id}/answers/{householdId}")
	String answerForm(CurrentUser user, @PathVariable long id, @PathVariable long householdId, Model model) {
		model.addAttribute("wave", surveys.wave(user, id));
		model.addAttribute("household", surveys.sampled(user, id, householdId));
		model.addAttribute("questionnaire", surveys.questionnaireOf(user, id));
		model.addAttribute("values", surveys.answers(user, id, householdId));
		model.addAttribute("levels", Satisfaction.values());
		return "survey/answer-form";
	}

	/** The form's fields {@code q<question id>} carry the answers. */
	@PostMapping("/surveys/{id}/answers/{householdId}")
	String answer(CurrentUser user, @PathVariable long id, @PathVariable long householdId,
			@RequestParam(defaultValue = "false") boolean signed, @RequestParam Map<String, String> fields,
			RedirectAttributes redirect, Locale locale) {
		Map<Long, String> values = new HashMap<>();
		Set<Long> questions = new HashSet<>();
		surveys.questionnaireOf(user, id).questions().forEach(q -> questions.add(q.id()));
		fields.forEach((name, value) -> {
			if (QUESTION.matcher(name).matches()) {
				long question = Long.parseLong(name.substring(1));
				if (questions.contains(question)) {
					values.put(question, value);
				}
			}
		});
		surveys.recordAnswers(user, id, new AnswerInput(householdId, signed, values));
		redirect.addFlashAttribute("notice", messages.getMessage(signed ? "surveys.answers.saved"
				: "surveys.answers.savedUnsigned", null, locale));
		return "redirect:/surveys/" + id + "#sample";
	}

	@GetMapping("/surveys/{id}/results")
	String results(CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		SurveyResults results = surveys.results(user, id);
		model.addAttribute("results", results);
		model.addAttribute("siteRows", List.of(results.site()));
		model.addAttribute("chart", ResultCharts.of(results, messages, locale));
		model.addAttribute("levels", Satisfaction.values());
		return "survey/results";
	}

	@GetMapping("/surveys/{id}/results.xlsx")
	void resultsWorkbook(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		WaveSummary wave = surveys.wave(user, id);
		Downloads.streamed(response, wave.resultsFilename(), Downloads.XLSX);
		surveys.writeResults(user, id, response.getOutputStream());
	}

	@PostMapping("/surveys/{id}/close")
	String close(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		WaveSummary wave = surveys.close(user, id);
		redirect.addFlashAttribute("notice", messages.getMessage("surveys.closed", new Object[] { wave.name() }, locale));
		return "redirect:/surveys/" + id;
	}

	record WaveForm(long site, String name, long questionnaire, BigDecimal sampleShare, Integer avoidWaves,
			Long seed) {
	}

	@Configuration(proxyBeanMethods = false)
	static class SurveyNavigation {

		@Bean
		NavigationItem surveysNavigation() {
			Set<Role> roles = new HashSet<>(SurveyManagement.ORGANISERS);
			roles.addAll(SurveyManagement.CLERKS);
			return new NavigationItem(45, "nav.surveys", "/surveys", Set.copyOf(roles));
		}
	}
}
