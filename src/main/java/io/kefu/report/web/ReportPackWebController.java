package io.kefu.report.web;

import java.time.LocalDate;
import java.util.Locale;

import io.kefu.directory.DirectoryManagement;
import io.kefu.report.PackKind;
import io.kefu.report.ReportPack;
import io.kefu.report.ReportPacks;
import io.kefu.report.ReportSettings;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.web.Downloads;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The report packs kept for download, and making one again. */
@Controller
class ReportPackWebController {

	private final ReportPacks packs;

	private final DirectoryManagement directory;

	private final ReportSettings settings;

	private final MessageSource messages;

	ReportPackWebController(ReportPacks packs, DirectoryManagement directory, ReportSettings settings,
			MessageSource messages) {
		this.packs = packs;
		this.directory = directory;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/reports/packs")
	String list(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page", packs.list(user, site, cursor, null));
		model.addAttribute("site", site);
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("kinds", PackKind.values());
		model.addAttribute("settings", settings);
		return "report/report-packs";
	}

	@PostMapping("/reports/packs")
	String generate(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) PackKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect, Locale locale) {
		if (site == null) {
			throw new InvalidInputException("site", "请选择项目");
		}
		ReportPack pack = packs.generate(user, site, kind, day);
		redirect.addFlashAttribute("notice",
				messages.getMessage("reports.packs.generated", new Object[] { pack.fileName() }, locale));
		return "redirect:/reports/packs?site=" + site;
	}

	@GetMapping("/reports/packs/{id}/file")
	ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id) {
		ReportPack pack = packs.pack(user, id);
		return Downloads.attachment(pack.fileName(), Downloads.XLSX, packs.content(user, id));
	}
}
