package io.kefu.standard.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.kefu.KefuApplication;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.security.CurrentUser;
import io.kefu.standard.RainyDayManagement;
import io.kefu.web.NavigationItem;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rainy-day page for the people on duty: one big button for today and the latest entries. */
@Controller
class RainyDayWebController {

	private final RainyDayManagement rainyDays;

	private final DirectoryManagement directory;

	private final MessageSource messages;

	RainyDayWebController(RainyDayManagement rainyDays, DirectoryManagement directory, MessageSource messages) {
		this.rainyDays = rainyDays;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/rainy-days")
	String page(CurrentUser user, @RequestParam(required = false) Long site, Model model) {
		List<SiteSummary> sites = directory.sites(user);
		model.addAttribute("sites", sites);
		model.addAttribute("mayRecord", RainyDayManagement.mayRecord(user));
		model.addAttribute("today", rainyDays.today());
		model.addAttribute("zone", KefuApplication.ZONE);
		Long siteId = site != null ? site : sites.isEmpty() ? null : sites.get(0).id();
		if (siteId != null) {
			model.addAttribute("site", directory.site(user, siteId));
			model.addAttribute("entries", rainyDays.recent(user, siteId));
		}
		return "standard/rainy-days";
	}

	@PostMapping("/rainy-days")
	String record(CurrentUser user, @RequestParam long site,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes redirect, Locale locale) {
		LocalDate day = rainyDays.record(user, site, date).date();
		redirect.addFlashAttribute("notice", messages.getMessage("rainyDays.recorded", new Object[] { day }, locale));
		return "redirect:/rainy-days?site=" + site;
	}

	@PostMapping("/rainy-days/{id}/remove")
	String remove(CurrentUser user, @PathVariable long id, @RequestParam long site, RedirectAttributes redirect,
			Locale locale) {
		LocalDate day = rainyDays.remove(user, site, id).date();
		redirect.addFlashAttribute("notice", messages.getMessage("rainyDays.removed", new Object[] { day }, locale));
		return "redirect:/rainy-days?site=" + site;
	}

	@Configuration(proxyBeanMethods = false)
	static class RainyDayNavigation {

		@Bean
		NavigationItem rainyDaysNavigation() {
			return new NavigationItem(40, "nav.rainyDays", "/rainy-days", RainyDayManagement.RECORDERS);
		}
	}
}
