package io.kefu.standard.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.kefu.KefuApplication;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Page;
import io.kefu.standard.ClockFilter;
import io.kefu.standard.ClockListItem;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.Notification;
import io.kefu.standard.OnTimeFigure;
import io.kefu.standard.RequestClockView;
import io.kefu.standard.ServiceStandard;
import io.kefu.standard.StandardInput;
import io.kefu.standard.StandardManagement;

import org.springframework.format.annotation.DateTimeFormat;
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

/** Standards, a request's clocks, on-time figures and the clocks behind them, the caller's notifications. */
@RestController
@RequestMapping("/api/v1")
class ClockRestController {

	private static final ZoneId ZONE = KefuApplication.ZONE;

	private final ClockManagement clocks;

	private final StandardManagement standards;

	ClockRestController(ClockManagement clocks, StandardManagement standards) {
		this.clocks = clocks;
		this.standards = standards;
	}

	@GetMapping("/standards")
	List<ServiceStandard> standards(CurrentUser user) {
		return clocks.standards(user);
	}

	@PostMapping("/standards")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> create(CurrentUser user, @RequestBody StandardInput input) {
		return Map.of("id", standards.create(user, input));
	}

	/** Replaces a standard; answers how many running clocks were worked out again. */
	@PutMapping("/standards/{id}")
	Map<String, Integer> update(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestBody StandardInput input) {
		return Map.of("recomputedClocks", standards.update(user, id, version, input));
	}

	@GetMapping("/requests/{id}/clocks")
	List<RequestClockView> clocksOf(CurrentUser user, @PathVariable long id) {
		return clocks.clocksOf(user, id);
	}

	/** Clocks started on the days from {@code from} to {@code to} (inclusive, China Standard Time). */
	@GetMapping("/clocks/on-time")
	List<OnTimeFigure> onTime(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return clocks.onTime(user, site, from.atStartOfDay(ZONE).toInstant(), to.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

	/**
	 * The clocks started on the days {@code from} to {@code to} (inclusive, China Standard
	 * Time), newest first; {@code state} is MET, BREACHED, RUNNING (paused ones included) or
	 * FINISHED (met or breached).
	 */
	@GetMapping("/clocks")
	Page<ClockListItem> list(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long standard, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String state, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		return clocks.clocks(user, ClockFilter.days(site, from, to, ZONE, standard, kind, state), cursor, size);
	}

	@GetMapping("/notifications")
	List<Notification> notifications(CurrentUser user, @RequestParam(defaultValue = "50") int size) {
		return clocks.notifications(user, Math.max(1, Math.min(size, 200)));
	}

	@PostMapping("/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(CurrentUser user, @PathVariable long id) {
		clocks.markRead(user, id);
	}
}
