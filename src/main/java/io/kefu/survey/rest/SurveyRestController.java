package io.kefu.survey.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.CurrentUser;
import io.kefu.survey.AnswerInput;
import io.kefu.survey.QuestionnaireDetails;
import io.kefu.survey.QuestionnaireInput;
import io.kefu.survey.SampledHousehold;
import io.kefu.survey.SurveyManagement;
import io.kefu.survey.SurveyResults;
import io.kefu.survey.WaveInput;
import io.kefu.survey.WaveSummary;
import io.kefu.web.Downloads;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Satisfaction surveys: questionnaires, waves of the caller's sites, samples, answers, results. */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyRestController {

	private final SurveyManagement surveys;

	SurveyRestController(SurveyManagement surveys) {
		this.surveys = surveys;
	}

	@GetMapping("/questionnaires")
	List<QuestionnaireDetails> questionnaires() {
		return surveys.questionnaires();
	}

	@GetMapping("/questionnaires/{id}")
	QuestionnaireDetails questionnaire(@PathVariable long id) {
		return surveys.questionnaire(id);
	}

	@PostMapping("/questionnaires")
	@ResponseStatus(HttpStatus.CREATED)
	QuestionnaireDetails createQuestionnaire(CurrentUser user, @RequestBody QuestionnaireInput input) {
		return surveys.createQuestionnaire(user, input);
	}

	/** Changes the questionnaire; a version used by a wave stays as it is and a new one is made. */
	@PutMapping("/questionnaires/{id}")
	QuestionnaireDetails updateQuestionnaire(CurrentUser user, @PathVariable long id,
			@RequestBody QuestionnaireUpdate update) {
		return surveys.updateQuestionnaire(user, id, update.versionId(),
				new QuestionnaireInput(update.name(), update.sections()));
	}

	@GetMapping("/waves")
	List<WaveSummary> waves(CurrentUser user) {
		return surveys.waves(user);
	}

	@PostMapping("/waves")
	@ResponseStatus(HttpStatus.CREATED)
	WaveSummary createWave(CurrentUser user, @RequestBody WaveInput input) {
		return surveys.createWave(user, input);
	}

	@GetMapping("/waves/{id}")
	WaveSummary wave(CurrentUser user, @PathVariable long id) {
		return surveys.wave(user, id);
	}

	@GetMapping("/waves/{id}/sample")
	List<SampledHousehold> sample(CurrentUser user, @PathVariable long id, @RequestParam(required = false) Long visitor) {
		return surveys.sample(user, id, visitor);
	}

	@PutMapping("/waves/{id}/visitors")
	List<SampledHousehold> assignVisitors(CurrentUser user, @PathVariable long id, @RequestBody VisitorsRequest request) {
		surveys.assignVisitors(user, id, request.accountIds());
		return surveys.sample(user, id, null);
	}

	@PostMapping("/waves/{id}/answers")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void recordAnswers(CurrentUser user, @PathVariable long id, @RequestBody AnswerInput input) {
		surveys.recordAnswers(user, id, input);
	}

	@GetMapping("/waves/{id}/answers/{householdId}")
	Map<Long, String> answers(CurrentUser user, @PathVariable long id, @PathVariable long householdId) {
		surveys.sampled(user, id, householdId);
		return surveys.answers(user, id, householdId);
	}

	@GetMapping("/waves/{id}/results")
	SurveyResults results(CurrentUser user, @PathVariable long id) {
		return surveys.results(user, id);
	}

	@GetMapping("/waves/{id}/results.xlsx")
	void resultsWorkbook(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		WaveSummary wave = surveys.wave(user, id);
		Downloads.streamed(response, wave.resultsFilename(), Downloads.XLSX);
		surveys.writeResults(user, id, response.getOutputStream());
	}

	@PostMapping("/waves/{id}/close")
	WaveSummary close(CurrentUser user, @PathVariable long id) {
		return surveys.close(user, id);
	}

	record QuestionnaireUpdate(long versionId, String name, List<QuestionnaireInput.Section> sections) {
	}

	record VisitorsRequest(List<Long> accountIds) {
	}
}
