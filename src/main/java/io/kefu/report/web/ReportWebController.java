package io.kefu.report.web;

import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.directory.DirectoryManagement;
import io.kefu.report.Dashboard;
import io.kefu.report.Dashboard.Figure;
import io.kefu.report.ReportManagement;
import io.kefu.report.ReportPeriod;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;
import io.kefu.web.NavigationItem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard and the monthly complaint summary, for one site or every site of the user. */
@Controller
class ReportWebController {

	private final ReportManagement reports;

	private final DirectoryManagement directory;

	ReportWebController(ReportManagement reports, DirectoryManagement directory) {
		this.reports = reports;
		this.directory = directory;
	}

	@GetMapping("/reports/dashboard")
	String dashboard(CurrentUser user, @RequestParam(required = false) Long site,
			PeriodForm period, Model model) {
		Dashboard dashboard = reports.dashboard(user, site, period.resolve(reports.today()));
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("site", site);
		model.addAttribute("sites", directory.sites(user));
		period.show(model, reports.today());
		model.addAttribute("chart", chart(dashboard));
		return "report/dashboard";
	}

	@GetMapping("/reports/dashboard.xlsx")
	void dashboardWorkbook(CurrentUser user, @RequestParam(required = false) Long site,
			PeriodForm period, HttpServletResponse response) throws IOException {
		ReportPeriod shown = period.resolve(reports.today());
		Downloads.streamed(response, reports.dashboardTitle(user, site, shown) + ".xlsx", Downloads.XLSX);
		reports.writeDashboard(user, site, shown, response.getOutputStream());
	}

	@GetMapping("/reports/complaints/monthly")
	String monthly(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) String month, Model model) {
		YearMonth shown = month == null ? YearMonth.from(reports.today()) : ReportPeriod.parseMonth(month);
		model.addAttribute("summary", reports.monthlyComplaints(user, site, shown));
		model.addAttribute("title", reports.title(user, site, shown));
		model.addAttribute("site", site);
		model.addAttribute("sites", directory.sites(user));
		return "report/complaints-monthly";
	}

	@GetMapping("/reports/complaints/monthly.xlsx")
	void monthlyWorkbook(CurrentUser user, @RequestParam(required = false) Long site, @RequestParam String month,
			HttpServletResponse response) throws IOException {
		YearMonth shown = ReportPeriod.parseMonth(month);
		String title = reports.title(user, site, shown);
		Downloads.streamed(response, title + ".xlsx", Downloads.XLSX);
		reports.writeMonthlyComplaints(user, site, shown, response.getOutputStream());
	}

	/** What the charts draw: per chart the labels, the counts and where a click on each leads. */
	private static Map<String, Object> chart(Dashboard dashboard) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("types", series(dashboard.types()));
		chart.put("channels", series(dashboard.channels()));
		chart.put("categories", series(dashboard.categories()));
		chart.put("buildings", series(dashboard.buildings()));
		chart.put("backlog", series(dashboard.backlog()));
		Map<String, Object> pareto = series(dashboard.pareto().stream().map(Dashboard.ParetoFigure::figure).toList());
		pareto.put("cumulative", dashboard.pareto().stream().map(p -> Math.round(p.cumulativePercent() * 10) / 10.0).toList());
		chart.put("pareto", pareto);
		Map<String, Object> departments = series(dashboard.departments().stream().map(Dashboard.DepartmentRow::total).toList());
		departments.put("valid", dashboard.departments().stream().map(d -> d.valid().count()).toList());
		departments.put("invalid", dashboard.departments().stream().map(d -> d.invalid().count()).toList());
		departments.put("undecided", dashboard.departments().stream().map(d -> d.undecided().count()).toList());
		chart.put("departments", departments);
		return chart;
	}

	private static Map<String, Object> series(List<Figure> figures) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("labels", figures.stream().map(Figure::label).toList());
		series.put("values", figures.stream().map(Figure::count).toList());
		series.put("links", figures.stream().map(Figure::link).toList());
		return series;
	}

	@Configuration(proxyBeanMethods = false)
	static class ReportNavigation {

		@Bean
		NavigationItem reportsNavigation() {
			return new NavigationItem(60, "nav.reports", "/reports/dashboard", Set.copyOf(ReportManagement.READERS));
		}
	}
}
