package io.kefu.survey.web;

import java.util.Locale;

import io.kefu.security.CurrentUser;
import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.SurveyManagement;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The questionnaires, each written and changed as text in one box. */
@Controller
class QuestionnaireWebController {

	private final SurveyManagement surveys;

	private final MessageSource messages;

	QuestionnaireWebController(SurveyManagement surveys, MessageSource messages) {
		this.surveys = surveys;
		this.messages = messages;
	}

	@GetMapping("/surveys/questionnaires")
	String list(CurrentUser user, Model model) {
		model.addAttribute("questionnaires", surveys.questionnaires());
		model.addAttribute("mayEdit", SurveyManagement.mayOrganise(user));
		return "survey/questionnaire-list";
	}

	@GetMapping("/surveys/questionnaires/{id}")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		QuestionnaireDetails questionnaire = surveys.questionnaire(id);
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("text", QuestionnaireText.format(questionnaire));
		model.addAttribute("mayEdit", SurveyManagement.mayOrganise(user));
		return "survey/questionnaire-edit";
	}

	@PostMapping("/surveys/questionnaires")
	String create(CurrentUser user, QuestionnaireForm form, RedirectAttributes redirect, Locale locale) {
		QuestionnaireDetails saved = surveys.createQuestionnaire(user, QuestionnaireText.parse(form.name(), form.text()));
		return saved(saved, redirect, locale);
	}

	@PostMapping("/surveys/questionnaires/{id}")
	String update(CurrentUser user, @PathVariable long id, @RequestParam long versionId, QuestionnaireForm form,
			RedirectAttributes redirect, Locale locale) {
		QuestionnaireDetails saved = surveys.updateQuestionnaire(user, id, versionId,
				QuestionnaireText.parse(form.name(), form.text()));
		return saved(saved, redirect, locale);
	}

	private String saved(QuestionnaireDetails saved, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("notice",
				messages.getMessage("surveys.questionnaire.saved", new Object[] { saved.versionNumber() }, locale));
		return "redirect:/surveys/questionnaires/" + saved.id();
	}

	record QuestionnaireForm(String name, String text) {
	}
}
