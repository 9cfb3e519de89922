package io.kefu.directory.imports;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of rooms and households from .xlsx files, and the household list as
 * .xlsx. An upload answers at once with the job; poll it until it is READY (or
 * INVALID, with the problems), then commit it and poll until DONE.
 */
@RestController
@RequestMapping("/api/v1")
class ImportRestController {

	private final HouseholdImports imports;

	private final ImportDownloads downloads;

	ImportRestController(HouseholdImports imports, ImportDownloads downloads) {
		this.imports = imports;
		this.downloads = downloads;
	}

	/** A job with its problems (the first {@value ImportJobs#MAX_PROBLEMS}). */
	record ImportResponse(@JsonUnwrapped ImportJob job, List<ImportProblem> problems) {
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	ImportResponse upload(CurrentUser user, @RequestPart("file") MultipartFile file) throws IOException {
		return new ImportResponse(imports.upload(user, file.getOriginalFilename(), file.getBytes()), List.of());
	}

	@GetMapping("/imports/{id}")
	ImportResponse job(CurrentUser user, @PathVariable long id) {
		ImportJob job = imports.job(user, id);
		return new ImportResponse(job, job.problemCount() > 0 ? imports.problems(user, id) : List.of());
	}

	@PostMapping("/imports/{id}/commit")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ImportResponse commit(CurrentUser user, @PathVariable long id) {
		return new ImportResponse(imports.commit(user, id), List.of());
	}

	@GetMapping("/imports/template.xlsx")
	void template(CurrentUser user, HttpServletResponse response) throws IOException {
		downloads.template(user, response);
	}

	@GetMapping("/households/export.xlsx")
	void export(CurrentUser user, @RequestParam(required = false) Long site, HttpServletResponse response)
			throws IOException {
		downloads.households(user, site, response);
	}
}
