package io.kefu.report.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.kefu.directory.DirectoryManagement;
import io.kefu.report.AnalysisState;
import io.kefu.report.Quarter;
import io.kefu.report.QuarterlyAnalyses;
import io.kefu.report.QuarterlyAnalysisDetails;
import io.kefu.report.QuarterlyFigures;
import io.kefu.report.QuarterlyFigures.CategoryRow;
import io.kefu.report.WrittenSections;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import io.kefu.shared.StaleDataException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quarterly complaint analyses of the user's sites (and the company's, for those who
 * see every site): the list with the form to start one, and a report's page with its
 * figures, its written sections and the steps the user's role and the report's state
 * allow. A step on a stale page is refused with 409.
 */
@Controller
class QuarterlyAnalysisWebController {

	private final QuarterlyAnalyses analyses;

	private final DirectoryManagement directory;

	QuarterlyAnalysisWebController(QuarterlyAnalyses analyses, DirectoryManagement directory) {
		this.analyses = analyses;
		this.directory = directory;
	}

	@GetMapping("/reports/quarterly")
	String list(CurrentUser user, Model model) {
		model.addAttribute("reports", analyses.list(user));
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("quarter", analyses.lastQuarter());
		model.addAttribute("mayWrite", QuarterlyAnalyses.mayWrite(user));
		model.addAttribute("mayWriteCompany", analyses.mayWriteCompany(user));
		model.addAttribute("listLimit", QuarterlyAnalyses.LIST_LIMIT);
		return "report/quarterly-list";
	}

	/** Starts the site's (no site: the company's) report of the quarter, or opens the one started already. */
	@PostMapping("/reports/quarterly")
	String start(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter) {
		return "redirect:/reports/quarterly/" + analyses.start(user, site, Quarter.of(year, quarter)).id();
	}

	@GetMapping("/reports/quarterly/{id}.xlsx")
	void workbook(CurrentUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		QuarterlyAnalysisDetails report = analyses.get(user, id);
		Downloads.streamed(response, QuarterlyAnalyses.title(report) + ".xlsx", Downloads.XLSX);
		QuarterlyAnalyses.writeWorkbook(report, response.getOutputStream());
	}

	@GetMapping("/reports/quarterly/{id}")
	String details(CurrentUser user, @PathVariable long id, Model model) {
		return page(user, analyses.get(user, id), model);
	}

	@PostMapping("/reports/quarterly/{id}/sections")
	String write(CurrentUser user, @PathVariable long id, @RequestParam int version, WrittenSections sections,
			Model model, HttpServletResponse response) {
		return step(user, id, model, response, () -> analyses.write(user, id, version, sections));
	}

	@PostMapping("/reports/quarterly/{id}/submit")
	String submit(CurrentUser user, @PathVariable long id, @RequestParam int version, WrittenSections sections,
			Model model, HttpServletResponse response) {
		return step(user, id, model, response, () -> analyses.submit(user, id, version, sections));
	}

	@PostMapping("/reports/quarterly/{id}/approve")
	String approve(CurrentUser user, @PathVariable long id, @RequestParam int version, Model model,
			HttpServletResponse response) {
		return step(user, id, model, response, () -> analyses.approve(user, id, version));
	}

	@PostMapping("/reports/quarterly/{id}/return")
	String returnToDraft(CurrentUser user, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) String note, Model model, HttpServletResponse response) {
		return step(user, id, model, response, () -> analyses.returnToDraft(user, id, version, note));
	}

	/** The step, then back to the report; on a stale page the report as it is now, with the warning. */
	private String step(CurrentUser user, long id, Model model, HttpServletResponse response,
			Supplier<QuarterlyAnalysisDetails> step) {
		try {
			step.get();
		}
		catch (StaleDataException ex) {
			model.addAttribute("stale", ex.getMessage());
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(user, analyses.get(user, id), model);
		}
		return "redirect:/reports/quarterly/" + id;
	}

	private String page(CurrentUser user, QuarterlyAnalysisDetails report, Model model) {
		model.addAttribute("report", report);
		model.addAttribute("f", report.figures());
		model.addAttribute("editable",
				report.state() == AnalysisState.DRAFT && QuarterlyAnalyses.mayWrite(user, report.siteId()));
		model.addAttribute("judgeable", report.state() == AnalysisState.SUBMITTED && QuarterlyAnalyses.mayApprove(user));
		model.addAttribute("chart", chart(report.figures()));
		return "report/quarterly-detail";
	}

	/** The two charts: complaints of the quarter beside the earlier ones, and the categories beside the previous quarter. */
	private static Map<String, Object> chart(QuarterlyFigures figures) {
		Map<String, Object> trend = new LinkedHashMap<>();
		Quarter quarter = figures.quarter();
		trend.put("labels", List.of(quarter.toString(), quarter.previous().toString(), quarter.yearBefore().toString()));
		trend.put("values", List.of(figures.complaints().count(), figures.complaints().previous(),
				figures.complaints().lastYear()));
		Map<String, Object> categories = new LinkedHashMap<>();
		categories.put("labels", figures.categories().stream().map(c -> c.name() == null ? "—" : c.name()).toList());
		categories.put("values", figures.categories().stream().map(CategoryRow::count).toList());
		categories.put("previous", figures.categories().stream().map(CategoryRow::previous).toList());
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("trend", trend);
		chart.put("quarterCategories", categories);
		return chart;
	}
}
