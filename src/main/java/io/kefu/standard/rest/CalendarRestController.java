package io.kefu.standard.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.standard.CalendarDetails;
import io.kefu.standard.CalendarException;
import io.kefu.standard.CalendarExceptionKind;
import io.kefu.standard.CalendarManagement;
import io.kefu.standard.CalendarSettings;
import io.kefu.standard.CalendarSummary;
import io.kefu.standard.DueTime;
import io.kefu.standard.NewCalendar;
import io.kefu.standard.ScheduleImport;
import io.kefu.standard.Target;
import io.kefu.standard.TargetUnit;
import io.kefu.standard.WeeklyHours;
import io.kefu.standard.WorkingPeriod;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business calendars. Everyone signed in may read them and compute due times; changes
 * are for administrators.
 */
@RestController
@RequestMapping("/api/v1")
class CalendarRestController {

	private final CalendarManagement calendars;

	CalendarRestController(CalendarManagement calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/calendars")
	List<CalendarSummary> list() {
		return calendars.calendars();
	}

	@GetMapping("/calendars/{id}")
	CalendarResponse get(@PathVariable long id) {
		return CalendarResponse.of(calendars.calendar(id));
	}

	@PostMapping("/calendars")
	@ResponseStatus(HttpStatus.CREATED)
	Created create(CurrentUser user, @RequestBody NewCalendarRequest request) {
		return new Created(calendars.create(user, new NewCalendar(request.name(), request.alwaysOpen(),
				request.followsNationalHolidays(), request.makeupWeekday(),
				request.alwaysOpen() ? null : hours(request.periods()))));
	}

	@PutMapping("/calendars/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(CurrentUser user, @PathVariable long id, @RequestBody SettingsRequest request) {
		calendars.update(user, id, request.version(),
				new CalendarSettings(request.name(), request.followsNationalHolidays(), request.makeupWeekday()));
		if (request.isDefault()) {
			calendars.makeDefault(user, id);
		}
	}

	/** A new version of the weekly hours from {@code effectiveFrom}. */
	@PostMapping("/calendars/{id}/hours")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeHours(CurrentUser user, @PathVariable long id, @RequestBody HoursRequest request) {
		calendars.changeHours(user, id, request.effectiveFrom(), hours(request.periods()));
	}

	/** The exceptions that apply to the calendar in a year: the national schedule it follows and its own. */
	@GetMapping("/calendars/{id}/exceptions")
	List<CalendarException> exceptions(@PathVariable long id, @RequestParam int year) {
		return calendars.exceptions(id, year);
	}

	@PutMapping("/calendars/{id}/exceptions/{date}")
	Warning putException(CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestBody ExceptionRequest request) {
		Optional<String> warning = calendars.putException(user, id, date, request.kind(), request.name());
		return new Warning(warning.orElse(null));
	}

	@DeleteMapping("/calendars/{id}/exceptions/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeException(CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		calendars.removeException(user, id, date);
	}

	/** Which calendar a site uses; {@code calendarId} null returns it to the default. */
	@PutMapping("/sites/{siteId}/calendar")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void assign(CurrentUser user, @PathVariable long siteId, @RequestBody Assignment request) {
		calendars.assign(user, siteId, request.calendarId());
	}

	@GetMapping("/sites/{siteId}/calendar")
	SiteCalendar siteCalendar(CurrentUser user, @PathVariable long siteId) {
		Long assigned = calendars.assignments(user).get(siteId);
		return new SiteCalendar(siteId, calendars.forSite(siteId).id(), assigned == null);
	}

	/**
	 * Imports a holiday schedule (CSV {@code date,type,name}, UTF-8) into the national
	 * schedule, all or nothing; {@code preview=true} only shows what would be added.
	 * 400 with the problems by line when it cannot be imported.
	 */
	@PostMapping(path = "/calendars/holidays/import", consumes = { "text/csv", "text/plain" })
	ResponseEntity<ScheduleImport> importSchedule(CurrentUser user, @RequestBody String file,
			@RequestParam(defaultValue = "false") boolean preview) {
		ScheduleImport result = preview ? calendars.previewSchedule(user, file) : calendars.importSchedule(user, file);
		HttpStatus status = !result.importable() ? HttpStatus.BAD_REQUEST : preview ? HttpStatus.OK : HttpStatus.CREATED;
		return ResponseEntity.status(status).body(result);
	}

	/** The due time of a target started at {@code start} (ISO, with offset) on the calendar, and why. */
	@GetMapping("/calendars/{id}/due")
	DueResponse due(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
			@RequestParam long amount, @RequestParam TargetUnit unit) {
		DueTime due = calendars.due(id, start.toInstant(), new Target(amount, unit));
		return new DueResponse(due.start(), due.due(), due);
	}

	private static WeeklyHours hours(List<PeriodRequest> periods) {
		if (periods == null) {
			throw new InvalidInputException("periods", "请填写每周的工作时段");
		}
		return new WeeklyHours(periods.stream().map(p -> WorkingPeriod.parse(p.weekday(), p.start(), p.end())).toList());
	}

	record PeriodRequest(DayOfWeek weekday, String start, String end) {
	}

	record NewCalendarRequest(String name, boolean alwaysOpen, boolean followsNationalHolidays, DayOfWeek makeupWeekday,
			List<PeriodRequest> periods) {
	}

	record SettingsRequest(String name, boolean followsNationalHolidays, DayOfWeek makeupWeekday, boolean isDefault,
			int version) {
	}

	record HoursRequest(LocalDate effectiveFrom, List<PeriodRequest> periods) {
	}

	record ExceptionRequest(CalendarExceptionKind kind, String name) {
	}

	record Assignment(Long calendarId) {
	}

	record SiteCalendar(long siteId, long calendarId, boolean usesDefault) {
	}

	record Created(long id) {
	}

	record Warning(String warning) {
	}

	record DueResponse(Instant start, Instant due, DueTime explanation) {
	}

	record CalendarResponse(CalendarSummary calendar, List<VersionResponse> versions, List<CalendarException> exceptions,
			List<Long> siteIds) {

		static CalendarResponse of(CalendarDetails details) {
			return new CalendarResponse(details.summary(),
					details.versions()
						.stream()
						.map(v -> new VersionResponse(v.effectiveFrom(), v.hours()
							.periods()
							.stream()
							.map(p -> new PeriodRequest(p.weekday(), p.start(), p.end()))
							.toList(), v.createdAt(), v.createdBy()))
						.toList(),
					details.exceptions(), details.siteIds());
		}
	}

	record VersionResponse(LocalDate effectiveFrom, List<PeriodRequest> periods, Instant createdAt, String createdBy) {
	}
}
