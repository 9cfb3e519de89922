package io.kefu.standard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.kefu.KefuApplication;
import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.standard.CalendarDetails;
import io.kefu.standard.CalendarExceptionKind;
import io.kefu.standard.CalendarManagement;
import io.kefu.standard.CalendarSettings;
import io.kefu.standard.NewCalendar;
import io.kefu.standard.ScheduleImport;
import io.kefu.standard.Target;
import io.kefu.standard.TargetUnit;
import io.kefu.standard.WeeklyHours;
import io.kefu.web.NavigationItem;
import io.kefu.web.Notices;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's calendar pages: the list with the sites' assignments, one
 * calendar with its month view, the holiday schedule import, and the due-time page.
 */
@Controller
class CalendarWebController {

	private final CalendarManagement calendars;

	private final DirectoryManagement directory;

	private final MessageSource messages;

	private final Notices notices;

	private final Clock clock;

	CalendarWebController(CalendarManagement calendars, DirectoryManagement directory, MessageSource messages,
			Notices notices, Clock clock) {
		this.calendars = calendars;
		this.directory = directory;
		this.messages = messages;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/admin/calendars")
	String list(CurrentUser user, Model model) {
		model.addAttribute("calendars", calendars.calendars());
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("assignments", calendars.assignments(user));
		model.addAttribute("weekdays", DayOfWeek.values());
		return "standard/calendar-list";
	}

	@PostMapping("/admin/calendars")
	String create(CurrentUser user, @RequestParam String name, @RequestParam(defaultValue = "false") boolean alwaysOpen,
			@RequestParam(defaultValue = "false") boolean followsNationalHolidays, @RequestParam Map<String, String> form,
			RedirectAttributes redirect, Locale locale) {
		long id = calendars.create(user, new NewCalendar(name, alwaysOpen, followsNationalHolidays, DayOfWeek.MONDAY,
				alwaysOpen ? null : hours(form)));
		return notices.redirect("/admin/calendars/" + id, "calendars.created", redirect, locale);
	}

	@PostMapping("/admin/calendars/sites")
	String assign(CurrentUser user, @RequestParam long siteId, @RequestParam(required = false) Long calendarId,
			RedirectAttributes redirect, Locale locale) {
		calendars.assign(user, siteId, calendarId);
		return notices.redirect("/admin/calendars", "calendars.assigned", redirect, locale);
	}

	@GetMapping("/admin/calendars/{id}")
	String calendar(CurrentUser user, @PathVariable long id, @RequestParam(required = false) YearMonth month,
			Model model) {
		CalendarDetails details = calendars.calendar(id);
		LocalDate today = LocalDate.now(clock.withZone(KefuApplication.ZONE));
		model.addAttribute("calendar", details.summary());
		model.addAttribute("details", details);
		model.addAttribute("current", details.versions().stream().filter(v -> !v.effectiveFrom().isAfter(today)).findFirst()
			.or(() -> details.versions().stream().reduce((a, b) -> b))
			.map(v -> v.hours())
			.orElse(null));
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("kinds", CalendarExceptionKind.values());
		model.addAttribute("today", today);
		model.addAttribute("monthView", MonthView.of(calendars.model(id), month == null ? YearMonth.from(today) : month));
		Map<Long, String> siteNames = new LinkedHashMap<>();
		directory.sites(user).forEach(site -> siteNames.put(site.id(), site.code() + " " + site.name()));
		model.addAttribute("siteNames", siteNames);
		return "standard/calendar-detail";
	}

	@PostMapping("/admin/calendars/{id}")
	String update(CurrentUser user, @PathVariable long id, @RequestParam int version, @RequestParam String name,
			@RequestParam(defaultValue = "false") boolean followsNationalHolidays,
			@RequestParam(defaultValue = "MONDAY") DayOfWeek makeupWeekday,
			@RequestParam(defaultValue = "false") boolean isDefault, RedirectAttributes redirect, Locale locale) {
		calendars.update(user, id, version, new CalendarSettings(name, followsNationalHolidays, makeupWeekday));
		if (isDefault) {
			calendars.makeDefault(user, id);
		}
		return notices.redirect("/admin/calendars/" + id, "calendars.saved", redirect, locale);
	}

	@PostMapping("/admin/calendars/{id}/hours")
	String changeHours(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
		calendars.changeHours(user, id, effectiveFrom, hours(form));
		return notices.redirect("/admin/calendars/" + id, "calendars.hoursSaved", redirect, locale);
	}

	@PostMapping("/admin/calendars/{id}/exceptions")
	String putException(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) CalendarExceptionKind kind, @RequestParam String name,
			RedirectAttributes redirect, Locale locale) {
		calendars.putException(user, id, date, kind, name).ifPresent(warning -> redirect.addFlashAttribute("warning", warning));
		String month = date == null ? "" : "?month=" + YearMonth.from(date);
		return notices.redirect("/admin/calendars/" + id + month, "calendars.exceptionSaved", redirect, locale);
	}

	@PostMapping("/admin/calendars/{id}/exceptions/{date}/remove")
	String removeException(CurrentUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect,
			Locale locale) {
		calendars.removeException(user, id, date);
		return notices.redirect("/admin/calendars/" + id + "?month=" + YearMonth.from(date), "calendars.exceptionRemoved", redirect,
				locale);
	}

	@GetMapping("/admin/calendars/import")
	String importPage() {
		return "standard/calendar-import";
	}

	/** Preview (the default) or import of a schedule, pasted or uploaded; the file travels on in a hidden field. */
	@PostMapping("/admin/calendars/import")
	String importSchedule(CurrentUser user, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "preview") String action,
			Model model, RedirectAttributes redirect, Locale locale) throws IOException {
		String content = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
		if ("import".equals(action)) {
			ScheduleImport result = calendars.importSchedule(user, content);
			if (result.importable()) {
				redirect.addFlashAttribute("notice",
						messages.getMessage("calendars.import.done", new Object[] { result.imported() }, locale));
				return "redirect:/admin/calendars/import";
			}
			model.addAttribute("preview", result);
		}
		else {
			model.addAttribute("preview", calendars.previewSchedule(user, content));
		}
		model.addAttribute("text", content);
		return "standard/calendar-import";
	}

	/** The due time of a target on a calendar and why; the form's fields are the query, so the page can be linked. */
	@GetMapping("/admin/calendars/due")
	String due(@RequestParam(required = false) Long calendarId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam(required = false) Long amount, @RequestParam(defaultValue = "BUSINESS_HOURS") TargetUnit unit,
			Model model) {
		long calendar = calendarId == null ? calendars.defaultCalendarId() : calendarId;
		model.addAttribute("calendars", calendars.calendars());
		model.addAttribute("calendarId", calendar);
		model.addAttribute("units", TargetUnit.values());
		model.addAttribute("unit", unit);
		model.addAttribute("amount", amount);
		model.addAttribute("start", start == null ? LocalDateTime.now(clock.withZone(KefuApplication.ZONE)).withSecond(0).withNano(0) : start);
		model.addAttribute("zone", KefuApplication.ZONE);
		if (start != null) {
			if (amount == null) {
				throw new InvalidInputException("amount", "请填写时限");
			}
			model.addAttribute("due", calendars.due(calendar, start.atZone(KefuApplication.ZONE).toInstant(),
					new Target(amount, unit)));
		}
		return "standard/due-time";
	}

	/** The form's fields {@code MONDAY} … {@code SUNDAY}, each like {@code 08:30-12:00, 13:30-17:30}. */
	private static WeeklyHours hours(Map<String, String> form) {
		Map<DayOfWeek, String> days = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day, form.get(day.name()));
		}
		return WeeklyHours.parse(days);
	}

	@Configuration(proxyBeanMethods = false)
	static class CalendarNavigation {

		@Bean
		NavigationItem calendarsNavigation() {
			return NavigationItem.setting(92, "nav.calendars", "/admin/calendars", Set.of(Role.ADMINISTRATOR));
		}
	}
}
