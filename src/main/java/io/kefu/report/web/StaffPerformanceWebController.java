package io.kefu.report.web;

import java.io.IOException;

import io.kefu.directory.DirectoryManagement;
import io.kefu.report.ReportManagement;
import io.kefu.report.ReportPeriod;
import io.kefu.report.StaffGroup;
import io.kefu.report.StaffPerformance;
import io.kefu.report.StaffSheet;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;

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
			@RequestParam(defaultValue = "AGENT") StaffGroup group, PeriodForm period, Model model) {
		StaffSheet sheet = performance.sheet(user, site, period.resolve(reports.today()));
		model.addAttribute("sheet", sheet);
		model.addAttribute("group", group);
		model.addAttribute("groups", StaffGroup.values());
		model.addAttribute("rows", sheet.rows(group));
		model.addAttribute("site", site);
		model.addAttribute("sites", directory.sites(user));
		period.show(model, reports.today());
		return "report/report-staff";
	}

	@GetMapping("/reports/staff.xlsx")
	void workbook(CurrentUser user, @RequestParam(required = false) Long site,
			PeriodForm period, HttpServletResponse response) throws IOException {
		ReportPeriod shown = period.resolve(reports.today());
		StaffSheet sheet = performance.sheet(user, site, shown);
		Downloads.streamed(response, StaffPerformance.title(sheet) + ".xlsx", Downloads.XLSX);
		StaffPerformance.writeWorkbook(sheet, response.getOutputStream());
	}
}
