package io.kefu.report.web;

import java.io.IOException;
import java.time.LocalDate;

import io.kefu.directory.DirectoryManagement;
import io.kefu.report.PeriodKind;
import io.kefu.report.ReportManagement;
import io.kefu.report.ReportPeriod;
import io.kefu.report.StaffGroup;
import io.kefu.report.StaffPerformance;
import io.kefu.report.StaffSheet;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff performance (员工绩效): one group's sheet of a site or every site of the user, over a period. */
@Controller
class StaffPerformanceWebController {

	private final StaffPerformance performance;

	private final ReportManagement reports;

	private final DirectoryManagement directory;

	StaffPerformanceWebController(StaffPerformance performance, ReportManagement reports,
			DirectoryManagement directory) {
		this.performance = performance;
		this.reports = reports;
		this.directory = directory;
	}

	@GetMapping("/reports/staff")
	String staff(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(defaultValue = "AGENT") StaffGroup group,
			@RequestParam(defaultValue = "MONTH") PeriodKind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate shown = day == null ? reports.today() : day;
		StaffSheet sheet = performance.sheet(user, site, ReportPeriod.of(period, shown, from, to));
		model.addAttribute("sheet", sheet);
		model.addAttribute("group", group);
		model.addAttribute("groups", StaffGroup.values());
		model.addAttribute("rows", sheet.rows(group));
		model.addAttribute("site", site);
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("periodKind", period);
		model.addAttribute("periodKinds", PeriodKind.values());
		model.addAttribute("day", shown);
		return "report/report-staff";
	}

	@GetMapping("/reports/staff.xlsx")
	void workbook(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(defaultValue = "MONTH") PeriodKind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		ReportPeriod shown = ReportPeriod.of(period, day == null ? reports.today() : day, from, to);
		Downloads.streamed(response, StaffPerformance.title(performance.sheet(user, site, shown)) + ".xlsx",
				Downloads.XLSX);
		performance.writeWorkbook(user, site, shown, response.getOutputStream());
	}
}
