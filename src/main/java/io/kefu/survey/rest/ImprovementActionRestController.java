package io.kefu.survey.rest;

import java.util.List;

import io.kefu.security.CurrentUser;
import io.kefu.survey.ImprovementActionInput;
import io.kefu.survey.ImprovementActionManagement;
import io.kefu.survey.ImprovementActionSummary;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Improvement actions (整改) of the survey waves, followed until verified. */
@RestController
@RequestMapping("/api/v1/surveys")
class ImprovementActionRestController {

	private final ImprovementActionManagement actions;

	ImprovementActionRestController(ImprovementActionManagement actions) {
		this.actions = actions;
	}

	@GetMapping("/waves/{waveId}/actions")
	List<ImprovementActionSummary> ofWave(CurrentUser user, @PathVariable long waveId) {
		return actions.ofWave(user, waveId);
	}

	@PostMapping("/waves/{waveId}/actions")
	@ResponseStatus(HttpStatus.CREATED)
	ImprovementActionSummary create(CurrentUser user, @PathVariable long waveId,
			@RequestBody ImprovementActionInput input) {
		return actions.create(user, waveId, input);
	}

	/** The actions of the caller's sites not verified yet; {@code overdue=true} for the overdue ones only. */
	@GetMapping("/actions")
	List<ImprovementActionSummary> pending(CurrentUser user, @RequestParam(defaultValue = "false") boolean overdue) {
		return actions.pending(user, overdue);
	}

	@GetMapping("/actions/{id}")
	ImprovementActionSummary get(CurrentUser user, @PathVariable long id) {
		return actions.get(user, id);
	}

	@PostMapping("/actions/{id}/done")
	ImprovementActionSummary complete(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		return actions.complete(user, id, step.version());
	}

	@PostMapping("/actions/{id}/verify")
	ImprovementActionSummary verify(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		return actions.verify(user, id, step.version(), step.note());
	}

	@PostMapping("/actions/{id}/reopen")
	ImprovementActionSummary reopen(CurrentUser user, @PathVariable long id, @RequestBody Step step) {
		return actions.reopen(user, id, step.version(), step.note());
	}

	record Step(int version, String note) {
	}
}
