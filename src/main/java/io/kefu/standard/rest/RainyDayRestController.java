package io.kefu.standard.rest;

import java.time.LocalDate;
import java.util.List;

import io.kefu.security.CurrentUser;
import io.kefu.standard.RainyDay;
import io.kefu.standard.RainyDayManagement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A site's rainy days (雨天): the latest entries, recording one (today when no date is given), removing a wrong one. */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/rainy-days")
class RainyDayRestController {

	private final RainyDayManagement rainyDays;

	RainyDayRestController(RainyDayManagement rainyDays) {
		this.rainyDays = rainyDays;
	}

	@GetMapping
	List<RainyDay> recent(CurrentUser user, @PathVariable long siteId) {
		return rainyDays.recent(user, siteId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	RainyDay record(CurrentUser user, @PathVariable long siteId, @RequestBody(required = false) RainyDayRequest request) {
		return rainyDays.record(user, siteId, request == null ? null : request.date());
	}

	@DeleteMapping("/{id}")
	RainyDay remove(CurrentUser user, @PathVariable long siteId, @PathVariable long id) {
		return rainyDays.remove(user, siteId, id);
	}

	record RainyDayRequest(LocalDate date) {
	}
}
