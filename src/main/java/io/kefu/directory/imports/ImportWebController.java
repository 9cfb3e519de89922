package io.kefu.directory.imports;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.directory.domain.Places;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The import pages: upload, check, confirm, progress; and the household list as Excel. */
@Controller
class ImportWebController {

	private static final String HTMX = "HX-Request";

	private final HouseholdImports imports;

	private final ImportDownloads downloads;

	private final Places places;

	ImportWebController(HouseholdImports imports, ImportDownloads downloads, Places places) {
		this.imports = imports;
		this.downloads = downloads;
		this.places = places;
	}

	@GetMapping("/imports")
	String imports(CurrentUser user, @RequestHeader(name = HTMX, required = false) String htmx, Model model) {
		return uploadPage(user, htmx, model);
	}

	@PostMapping("/imports")
	String upload(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = HTMX, required = false) String htmx, Model model, HttpServletResponse response)
			throws IOException {
		try {
			ImportJob job = imports.upload(user, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			String target = "/imports/" + job.id();
			if (htmx == null) {
				return "redirect:" + target;
			}
			response.setHeader("HX-Redirect", ServletUriComponentsBuilder.fromCurrentContextPath().path(target).build().getPath());
			return "directory/import-upload :: upload-form";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("uploadError", ex.getMessage());
			return uploadPage(user, htmx, model);
		}
	}

	@GetMapping("/imports/template.xlsx")
	void template(CurrentUser user, HttpServletResponse response) throws IOException {
		downloads.template(user, response);
	}

	@GetMapping("/imports/{id}")
	String job(CurrentUser user, @PathVariable long id, @RequestHeader(name = HTMX, required = false) String htmx,
			Model model) {
		return jobView(user, imports.job(user, id), htmx, model);
	}

	@PostMapping("/imports/{id}/commit")
	String commit(CurrentUser user, @PathVariable long id, @RequestHeader(name = HTMX, required = false) String htmx,
			Model model) {
		try {
			ImportJob job = imports.commit(user, id);
			return htmx == null ? "redirect:/imports/" + id : jobView(user, job, htmx, model);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("commitError", ex.getMessage());
			return jobView(user, imports.job(user, id), htmx, model);
		}
	}

	@GetMapping("/households/export.xlsx")
	void export(CurrentUser user, @RequestParam(required = false) Long site, HttpServletResponse response)
			throws IOException {
		downloads.households(user, site, response);
	}

	private String uploadPage(CurrentUser user, String htmx, Model model) {
		if (htmx != null) {
			HouseholdImports.requireRole(user);
			return "directory/import-upload :: upload-form";
		}
		model.addAttribute("jobs", imports.recent(user));
		model.addAttribute("sites", places.sites(user));
		return "directory/import-upload";
	}

	private String jobView(CurrentUser user, ImportJob job, String htmx, Model model) {
		model.addAttribute("job", job);
		model.addAttribute("problems", job.problemCount() > 0 ? imports.problems(user, job.id()) : List.of());
		return htmx == null ? "directory/import-preview" : "directory/import-preview :: job";
	}
}
