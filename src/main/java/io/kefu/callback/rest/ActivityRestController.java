package io.kefu.callback.rest;

import java.time.LocalDate;
import java.util.List;

import io.kefu.callback.ActivityDetails;
import io.kefu.callback.ActivityInput;
import io.kefu.callback.ActivitySummary;
import io.kefu.callback.CallbackResult;
import io.kefu.callback.CommunityActivities;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Satisfaction;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Community activities (社区活动) and the callbacks of their sampled participants over the API. */
@RestController
@RequestMapping("/api/v1/callbacks/activities")
class ActivityRestController {

	private static final int LIST_SIZE = 100;

	private final CommunityActivities activities;

	ActivityRestController(CommunityActivities activities) {
		this.activities = activities;
	}

	@GetMapping
	List<ActivitySummary> list(CurrentUser user, @RequestParam(required = false) Long site) {
		return activities.activities(user, site, LIST_SIZE);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ActivityDetails record(CurrentUser user, @RequestBody ActivityInput input) {
		return activities.details(user, activities.record(user, input));
	}

	@GetMapping("/{id}")
	ActivityDetails details(CurrentUser user, @PathVariable long id) {
		return activities.details(user, id);
	}

	/** A call to a sampled household; 409 when a colleague recorded it first. */
	@PostMapping("/{id}/callbacks/{householdId}")
	ActivityDetails call(CurrentUser user, @PathVariable long id, @PathVariable long householdId,
			@RequestBody CallRequest request) {
		activities.call(user, id, householdId, request.version(), CallbackResult.parse(request.result()),
				request.satisfaction() == null ? null : Satisfaction.parse(request.satisfaction()), request.comment());
		return activities.details(user, id);
	}

	record CallRequest(int version, String result, String satisfaction, String comment) {
	}
}
