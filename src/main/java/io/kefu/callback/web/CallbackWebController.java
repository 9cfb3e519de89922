package io.kefu.callback.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.kefu.KefuApplication;
import io.kefu.callback.CallbackManagement;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackOutcome;
import io.kefu.callback.CallbackQueries;
import io.kefu.callback.CallbackResult;
import io.kefu.callback.CallbackState;
import io.kefu.callback.FigureDimension;
import io.kefu.callback.NewAttempt;
import io.kefu.shared.Satisfaction;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.web.NavigationItem;
import io.kefu.web.Notices;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The callback queue (回访) with its figures, and one callback with its script, tries and outcome. */
@Controller
class CallbackWebController {

	private static final ZoneId ZONE = KefuApplication.ZONE;

	private final CallbackQueries queries;

	private final CallbackManagement callbacks;

	private final DirectoryManagement directory;

	private final Notices notices;

	private final Clock clock;

	CallbackWebController(CallbackQueries queries, CallbackManagement callbacks, DirectoryManagement directory,
			Notices notices, Clock clock) {
		this.queries = queries;
		this.callbacks = callbacks;
		this.directory = directory;
		this.notices = notices;
		this.clock = clock;
	}

	/** The request's callbacks, for its page (an htmx fragment); nothing for those who make no callbacks. */
	@GetMapping("/requests/{id}/callbacks")
	String ofRequest(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("callbacks", CallbackManagement.makesCallbacks(user) ? queries.ofRequest(user, id) : List.of());
		model.addAttribute("zone", ZONE);
		return "callback/request-callbacks :: callbacks";
	}

	@GetMapping("/callbacks")
	String queue(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) FigureDimension by,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		List<SiteSummary> sites = directory.sites(user);
		LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZONE));
		LocalDate first = from != null ? from : last.minusDays(29);
		FigureDimension dimension = by == null ? FigureDimension.SITE : by;
		model.addAttribute("sites", sites);
		model.addAttribute("site", site);
		model.addAttribute("counts", queries.counts(user, site));
		model.addAttribute("page", queries.queue(user, site, cursor, null));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", ZONE);
		model.addAttribute("by", dimension);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("figures", queries.figures(user, site, dimension, first.atStartOfDay(ZONE).toInstant(),
				last.plusDays(1).atStartOfDay(ZONE).toInstant()));
		return "callback/callback-list";
	}

	/** The callbacks behind a callback figure: those of the requests resolved in the days {@code from} to {@code to}. */
	@GetMapping("/callbacks/resolved")
	String ofResolutions(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean reached, @RequestParam(required = false) String cursor,
			Model model) {
		if (site != null) {
			directory.site(user, site);
		}
		model.addAttribute("page", queries.ofResolutions(user, site, from.atStartOfDay(ZONE).toInstant(),
				to.plusDays(1).atStartOfDay(ZONE).toInstant(), reached, cursor, null));
		model.addAttribute("site", site);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("reached", reached);
		model.addAttribute("zone", ZONE);
		return "callback/callback-resolved";
	}

	@GetMapping("/callbacks/{id}")
	String details(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("details", queries.details(user, id));
		model.addAttribute("methods", CallbackMethod.values());
		model.addAttribute("failures", List.of(CallbackResult.NO_ANSWER, CallbackResult.REFUSED,
				CallbackResult.INVALID_NUMBER, CallbackResult.RESCHEDULED));
		model.addAttribute("levels", Satisfaction.values());
		model.addAttribute("open", CallbackState.OPEN);
		model.addAttribute("zone", ZONE);
		return "callback/callback-detail";
	}

	@PostMapping("/callbacks/{id}/attempts")
	String attempt(CurrentUser user, @PathVariable long id, AttemptForm form, RedirectAttributes redirect,
			Locale locale) {
		callbacks.attempt(user, id, form.version(), new NewAttempt(CallbackMethod.parse(form.method()),
				CallbackResult.parse(form.result()), form.nextTry(ZONE), form.note()));
		return notices.redirect("/callbacks/" + id, "callbacks.attempt.saved", redirect, locale);
	}

	@PostMapping("/callbacks/{id}/outcome")
	String outcome(CurrentUser user, @PathVariable long id, OutcomeForm form, RedirectAttributes redirect,
			Locale locale) {
		Satisfaction level = Satisfaction.parse(form.satisfaction());
		callbacks.complete(user, id, form.version(),
				new CallbackOutcome(CallbackMethod.parse(form.method()), level, form.comment()));
		return notices.redirect("/callbacks/" + id,
				level.dissatisfied() ? "callbacks.outcome.redispatched" : "callbacks.outcome.closed", redirect, locale);
	}

	/** A try that did not reach the customer; the next try is the browser's datetime-local value, in China Standard Time. */
	record AttemptForm(int version, String method, String result, String nextTryAt, String note) {

		Instant nextTry(ZoneId zone) {
			if (nextTryAt == null || nextTryAt.isBlank()) {
				return null;
			}
			try {
				return LocalDateTime.parse(nextTryAt.strip()).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("nextTryAt", "下次回访时间“" + nextTryAt.strip() + "”格式不对");
			}
		}
	}

	record OutcomeForm(int version, String method, String satisfaction, String comment) {
	}

	@Configuration(proxyBeanMethods = false)
	static class CallbackNavigation {

		@Bean
		NavigationItem callbacksNavigation() {
			return new NavigationItem(7, "nav.callbacks", "/callbacks", CallbackManagement.CALLBACK_STAFF);
		}
	}
}
