package io.kefu.report.rest;

import java.io.IOException;
import java.time.LocalDate;

import io.kefu.report.ReportPeriod;
import io.kefu.report.StaffPerformance;
import io.kefu.report.StaffSheet;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff performance for other systems: every staff member's figures, all groups. */
@RestController
@RequestMapping("/api/v1/reports")
class StaffPerformanceRestController {

	private final StaffPerformance performance;

	StaffPerformanceRestController(StaffPerformance performance) {
		this.performance = performance;
	}

	/** The figures of a site's (or every site of the caller's) staff over the days {@code from} to {@code to}, both included. */
	@GetMapping("/staff")
	StaffSheet staff(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return performance.sheet(user, site, new ReportPeriod(from, to));
	}

	@GetMapping("/staff.xlsx")
	void workbook(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
			throws IOException {
		ReportPeriod period = new ReportPeriod(from, to);
		StaffSheet sheet = performance.sheet(user, site, period);
		Downloads.streamed(response, StaffPerformance.title(sheet) + ".xlsx", Downloads.XLSX);
		StaffPerformance.writeWorkbook(sheet, response.getOutputStream());
	}
}
