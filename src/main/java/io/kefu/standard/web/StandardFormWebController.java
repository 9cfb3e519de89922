package io.kefu.standard.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.directory.DirectoryManagement;
import io.kefu.request.Category;
import io.kefu.request.CategoryManagement;
import io.kefu.request.Channel;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;
import io.kefu.standard.CalendarManagement;
import io.kefu.standard.ClockKind;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.ClockTrigger;
import io.kefu.standard.Recipient;
import io.kefu.standard.ServiceStandard;
import io.kefu.standard.StandardManagement;
import io.kefu.standard.TargetUnit;
import io.kefu.web.Notices;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's form for a service standard, new or changed. A rejected form
 * comes back as typed with the reason; a saved change says how many running clocks
 * were worked out again by it.
 */
@Controller
class StandardFormWebController {

	private static final String PAGE = "standard/standard-form";

	/** The target's own complaints concern a clock like every other clock rule. */
	private static final Set<String> CLOCK_FIELDS = Set.of("clocks", "amount", "unit");

	private final StandardManagement standards;

	private final ClockManagement clocks;

	private final DirectoryManagement directory;

	private final CalendarManagement calendars;

	private final CategoryManagement categories;

	private final Notices notices;

	private final MessageSource messages;

	StandardFormWebController(StandardManagement standards, ClockManagement clocks, DirectoryManagement directory,
			CalendarManagement calendars, CategoryManagement categories, Notices notices, MessageSource messages) {
		this.standards = standards;
		this.clocks = clocks;
		this.directory = directory;
		this.calendars = calendars;
		this.categories = categories;
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping("/standards/new")
	String newStandard(CurrentUser user, Model model) {
		return page(user, StandardForm.blank(), null, null, model);
	}

	@PostMapping("/standards/new")
	String create(CurrentUser user, StandardForm form, Model model, RedirectAttributes redirect, Locale locale,
			HttpServletResponse response) {
		try {
			standards.create(user, form.toInput());
		}
		catch (InvalidInputException ex) {
			return rejected(user, form, null, null, ex, model, response);
		}
		return notices.redirect("/standards", "standards.form.created", redirect, locale);
	}

	@GetMapping("/standards/{id}/edit")
	String edit(CurrentUser user, @PathVariable long id, Model model) {
		ServiceStandard standard = clocks.standards(user).stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有找到该服务标准"));
		return page(user, StandardForm.of(standard), id, standard.version(), model);
	}

	@PostMapping("/standards/{id}/edit")
	String update(CurrentUser user, @PathVariable long id, @RequestParam int version, StandardForm form, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		int recomputed;
		try {
			recomputed = standards.update(user, id, version, form.toInput());
		}
		catch (InvalidInputException ex) {
			return rejected(user, form, id, version, ex, model, response);
		}
		catch (StaleDataException ex) {
			model.addAttribute("stale", true);
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(user, form, id, version, model);
		}
		redirect.addFlashAttribute("notice",
				messages.getMessage("standards.form.saved", new Object[] { recomputed }, locale));
		return "redirect:/standards";
	}

	private String rejected(CurrentUser user, StandardForm form, Long id, Integer version, InvalidInputException ex,
			Model model, HttpServletResponse response) {
		model.addAttribute("formError", ex.getMessage());
		model.addAttribute("errorField", CLOCK_FIELDS.contains(ex.field()) ? "clocks" : ex.field());
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(user, form, id, version, model);
	}

	/** The form of a new standard when {@code id} is null, else of that standard at {@code version}. */
	private String page(CurrentUser user, StandardForm form, Long id, Integer version, Model model) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("administrators only");
		}
		Map<RequestType, List<Category>> tree = new EnumMap<>(RequestType.class);
		for (RequestType type : RequestType.values()) {
			tree.put(type, categories.all(type));
		}
		Set<Long> chosen = form.categoryIds() == null ? Set.of() : form.categoryIds();
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("version", version);
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("types", RequestType.values());
		model.addAttribute("categories", tree);
		model.addAttribute("openTypes", tree.keySet().stream()
			.filter(type -> tree.get(type).stream().anyMatch(c -> chosen.contains(c.id())))
			.toList());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("kinds", ClockKind.values());
		model.addAttribute("triggers", ClockTrigger.values());
		model.addAttribute("units", TargetUnit.values());
		model.addAttribute("recipients", Recipient.values());
		model.addAttribute("calendars", calendars.calendars());
		model.addAttribute("blankClock", StandardForm.blankClock());
		model.addAttribute("maxName", StandardManagement.MAX_NAME);
		return PAGE;
	}
}
