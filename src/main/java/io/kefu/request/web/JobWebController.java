package io.kefu.request.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.kefu.request.PauseReason;
import io.kefu.request.Queue;
import io.kefu.request.QuoteLine;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.FieldWork;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.ServiceRequestSummary;
import io.kefu.request.SignatureImage;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.web.NavigationItem;
import io.kefu.web.Notices;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The technician's phone pages (我的任务): today's and upcoming jobs, and one job with
 * the steps its state allows. Every step posts the version the technician saw.
 */
@Controller
@RequestMapping("/jobs")
class JobWebController {

	private final ServiceRequestManagement requests;

	private final ServiceRequestQueries queries;

	private final FieldWork work;

	private final Notices notices;

	private final Clock clock;

	JobWebController(ServiceRequestManagement requests, ServiceRequestQueries queries, FieldWork work,
			Notices notices, Clock clock) {
		this.requests = requests;
		this.queries = queries;
		this.work = work;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping
	String list(CurrentUser user, Model model) {
		List<JobCard> open = new ArrayList<>();
		List<JobCard> completed = new ArrayList<>();
		for (ServiceRequestSummary job : queries.queue(user, Queue.JOBS, null, null, null).items()) {
			JobCard card = new JobCard(job, job.appointment(), clock);
			(job.status() == RequestStatus.COMPLETED ? completed : open).add(card);
		}
		model.addAttribute("jobs", open);
		model.addAttribute("completed", completed);
		return "request/job-list";
	}

	@GetMapping("/{id}")
	String job(CurrentUser user, @PathVariable long id, Model model) {
		ServiceRequestDetails job = queries.details(user, id);
		model.addAttribute("job", job);
		model.addAttribute("photos", queries.photos(user, id));
		model.addAttribute("mine", job.work().assigneeId() != null && job.work().assigneeId() == user.accountId());
		model.addAttribute("paid", job.type() == RequestType.PAID_SERVICE);
		model.addAttribute("phoneShown", job.contactPhone() != null && !job.contactPhone().contains("*"));
		model.addAttribute("signed", job.work().signed());
		model.addAttribute("pauseReasons", PauseReason.values());
		model.addAttribute("zone", clock.getZone());
		return "request/job-detail";
	}

	@GetMapping(path = "/{id}/signature.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> signature(CurrentUser user, @PathVariable long id) {
		return ResponseEntity.ok().header("Cache-Control", "private, max-age=300").body(work.signature(user, id));
	}

	@PostMapping("/{id}/accept")
	String accept(CurrentUser user, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect,
			Locale locale) {
		work.accept(user, id, version);
		return done(id, "jobs.done.accepted", redirect, locale);
	}

	/** After 退单 the job is no longer the technician's, so they go back to their list. */
	@PostMapping("/{id}/return")
	String giveBack(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
		work.returnJob(user, id, version, reason);
		return notices.redirect("/jobs", "jobs.done.returned", redirect, locale);
	}

	@PostMapping("/{id}/arrive")
	String arrive(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String findings, RedirectAttributes redirect, Locale locale) {
		work.arrive(user, id, version, findings);
		return done(id, "jobs.done.arrived", redirect, locale);
	}

	@PostMapping("/{id}/pause")
	String pause(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) PauseReason reason, @RequestParam(required = false) String note,
			RedirectAttributes redirect, Locale locale) {
		work.pause(user, id, version, reason, note);
		return done(id, "jobs.done.paused", redirect, locale);
	}

	@PostMapping("/{id}/resume")
	String resume(CurrentUser user, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect,
			Locale locale) {
		work.resume(user, id, version);
		return done(id, "jobs.done.resumed", redirect, locale);
	}

	/** The quote's lines come as parallel fields; wholly empty lines are left out. */
	@PostMapping("/{id}/quote")
	String quote(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(name = "item", required = false) List<String> items,
			@RequestParam(name = "quantity", required = false) List<String> quantities,
			@RequestParam(name = "unitPrice", required = false) List<String> prices, RedirectAttributes redirect,
			Locale locale) {
		List<QuoteLine> lines = new ArrayList<>();
		int count = items == null ? 0 : items.size();
		for (int i = 0; i < count; i++) {
			String item = items.get(i);
			String quantity = at(quantities, i);
			String price = at(prices, i);
			if (blank(item) && blank(quantity) && blank(price)) {
				continue;
			}
			lines.add(new QuoteLine(item, yuan(quantity, "lines", "数量"), yuan(price, "lines", "单价")));
		}
		work.quote(user, id, version, lines);
		return done(id, "jobs.done.quoted", redirect, locale);
	}

	@PostMapping("/{id}/quote/accept")
	String acceptQuote(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String acceptedBy, RedirectAttributes redirect, Locale locale) {
		work.acceptQuote(user, id, version, acceptedBy);
		return done(id, "jobs.done.quoteAccepted", redirect, locale);
	}

	@PostMapping("/{id}/materials")
	String materials(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String materials, RedirectAttributes redirect, Locale locale) {
		work.recordMaterials(user, id, version, materials);
		return done(id, "jobs.done.materials", redirect, locale);
	}

	@PostMapping("/{id}/follow-up")
	String followUp(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String text,
			RedirectAttributes redirect, Locale locale) {
		requests.followUp(user, id, text);
		return done(id, "jobs.done.followUp", redirect, locale);
	}

	/** The signature arrives as the canvas's PNG data URL; an untouched pad sends nothing. */
	@PostMapping("/{id}/complete")
	String complete(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String result, @RequestParam(required = false) String confirmedBy,
			@RequestParam(required = false) String signature, RedirectAttributes redirect, Locale locale) {
		work.complete(user, id, version, result, confirmedBy, SignatureImage.decode(signature));
		return done(id, "jobs.done.completed", redirect, locale);
	}

	@PostMapping("/{id}/fee")
	String fee(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String amount, RedirectAttributes redirect, Locale locale) {
		work.collectFee(user, id, version, yuan(amount, "amount", "收费金额"));
		return done(id, "jobs.done.fee", redirect, locale);
	}

	private String done(long id, String noticeKey, RedirectAttributes redirect, Locale locale) {
		return notices.redirect("/jobs/" + id, noticeKey, redirect, locale);
	}

	private static BigDecimal yuan(String text, String field, String what) {
		if (blank(text)) {
			throw new InvalidInputException(field, "请填写" + what);
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, what + "“" + text.strip() + "”不是数字");
		}
	}

	private static String at(List<String> values, int index) {
		return values == null || index >= values.size() ? null : values.get(index);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** A row of the list: the job and when the technician is expected, in China Standard Time. */
	record JobCard(ServiceRequestSummary job, Instant appointment, boolean today, boolean overdue, String firstLine) {

		JobCard(ServiceRequestSummary job, Instant appointment, Clock clock) {
			this(job, appointment,
					appointment != null && LocalDate.ofInstant(appointment, clock.getZone()).equals(LocalDate.now(clock)),
					appointment != null && appointment.isBefore(clock.instant())
							&& (job.status() == RequestStatus.DISPATCHED || job.status() == RequestStatus.ACCEPTED),
					job.description() == null ? "" : job.description().strip().lines().findFirst().orElse(""));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class JobNavigation {

		@Bean
		NavigationItem jobsNavigation() {
			return new NavigationItem(30, "nav.jobs", "/jobs", Set.of(Role.TECHNICIAN, Role.SITE_MANAGER));
		}
	}
}
