package io.kefu.report.rest;

import java.io.IOException;
import java.util.List;

import io.kefu.report.Quarter;
import io.kefu.report.QuarterlyAnalyses;
import io.kefu.report.QuarterlyAnalysisDetails;
import io.kefu.report.QuarterlyAnalysisSummary;
import io.kefu.report.QuarterlyFigures;
import io.kefu.report.WrittenSections;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import io.kefu.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly complaint analyses for other systems: the computed sections of any
 * quarter, and the reports with their steps. Each step takes the version read; 409 when
 * someone changed the report since.
 */
@RestController
@RequestMapping("/api/v1/reports/quarterly")
class QuarterlyAnalysisRestController {

	private final QuarterlyAnalyses analyses;

	QuarterlyAnalysisRestController(QuarterlyAnalyses analyses) {
		this.analyses = analyses;
	}

	/** The computed sections as they are now, of a site or of every site of the caller. */
	@GetMapping("/figures")
	QuarterlyFigures figures(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter) {
		return analyses.figures(user, site, Quarter.of(year, quarter));
	}

	@GetMapping
	List<QuarterlyAnalysisSummary> list(CurrentUser user) {
		return analyses.list(user);
	}

	/**
	 * Starts the site's report of the quarter, or with no site the company's (for quality
	 * staff who see every site); the existing one if it was started already.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	QuarterlyAnalysisDetails start(CurrentUser user, @RequestBody StartRequest request) {
		return analyses.start(user, request.site(), Quarter.of(request.year(), request.quarter()));
	}

	/** The report as .xlsx: its computed sections (frozen once approved) and its written ones. */
	@GetMapping("/{id}.xlsx")
	void workbook(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		QuarterlyAnalysisDetails report = analyses.get(user, id);
		Downloads.streamed(response, QuarterlyAnalyses.title(report) + ".xlsx", Downloads.XLSX);
		QuarterlyAnalyses.writeWorkbook(report, response.getOutputStream());
	}

	@GetMapping("/{id}")
	QuarterlyAnalysisDetails details(CurrentUser user, @PathVariable long id) {
		return analyses.get(user, id);
	}

	@PostMapping("/{id}/sections")
	QuarterlyAnalysisDetails write(CurrentUser user, @PathVariable long id, @RequestBody SectionsRequest request) {
		return analyses.write(user, id, version(request.version()),
				new WrittenSections(request.analysis(), request.correctiveMeasures(), request.preventiveMeasures()));
	}

	@PostMapping("/{id}/submit")
	QuarterlyAnalysisDetails submit(CurrentUser user, @PathVariable long id, @RequestBody StepRequest request) {
		return analyses.submit(user, id, version(request.version()), null);
	}

	@PostMapping("/{id}/approve")
	QuarterlyAnalysisDetails approve(CurrentUser user, @PathVariable long id, @RequestBody StepRequest request) {
		return analyses.approve(user, id, version(request.version()));
	}

	@PostMapping("/{id}/return")
	QuarterlyAnalysisDetails returnToDraft(CurrentUser user, @PathVariable long id,
			@RequestBody StepRequest request) {
		return analyses.returnToDraft(user, id, version(request.version()), request.note());
	}

	private static int version(Integer version) {
		if (version == null) {
			throw new InvalidInputException("version", "请提供所读报告的版本号（version）");
		}
		return version;
	}

	record StartRequest(Long site, Integer year, Integer quarter) {
	}

	record SectionsRequest(Integer version, String analysis, String correctiveMeasures, String preventiveMeasures) {
	}

	record StepRequest(Integer version, String note) {
	}
}
