package io.kefu.report.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import io.kefu.report.Dashboard;
import io.kefu.report.MonthlyComplaints;
import io.kefu.report.ReportManagement;
import io.kefu.report.ReportPeriod;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report figures for other systems: the dashboard and the monthly complaint summary. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportRestController {

	private final ReportManagement reports;

	ReportRestController(ReportManagement reports) {
		this.reports = reports;
	}

	/** The dashboard of a site (or every site of the caller) over the days {@code from} to {@code to}, both included. */
	@GetMapping("/dashboard")
	Dashboard dashboard(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return reports.dashboard(user, site, new ReportPeriod(from, to));
	}

	/** Every table of the dashboard as .xlsx, a sheet each. */
	@GetMapping("/dashboard.xlsx")
	void dashboardWorkbook(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
			throws IOException {
		ReportPeriod period = new ReportPeriod(from, to);
		Downloads.streamed(response, reports.dashboardTitle(user, site, period) + ".xlsx", Downloads.XLSX);
		reports.writeDashboard(user, site, period, response.getOutputStream());
	}

	/** Every complaint registered in the month (written as 2026-11). */
	@GetMapping("/complaints/monthly")
	MonthlyComplaints monthly(CurrentUser user, @RequestParam(required = false) Long site, @RequestParam String month) {
		return reports.monthlyComplaints(user, site, ReportPeriod.parseMonth(month));
	}

	@GetMapping("/complaints/monthly.xlsx")
	void monthlyWorkbook(CurrentUser user, @RequestParam(required = false) Long site, @RequestParam String month,
			HttpServletResponse response) throws IOException {
		YearMonth shown = ReportPeriod.parseMonth(month);
		Downloads.streamed(response, reports.title(user, site, shown) + ".xlsx", Downloads.XLSX);
		reports.writeMonthlyComplaints(user, site, shown, response.getOutputStream());
	}
}
