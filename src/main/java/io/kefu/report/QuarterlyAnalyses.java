package io.kefu.report;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.callback.CallbackFigure;
import io.kefu.callback.CallbackQueries;
import io.kefu.callback.FigureDimension;
import io.kefu.directory.DepartmentSummary;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.report.QuarterlyAnalysisDetails.Signature;
import io.kefu.report.QuarterlyFigures.CategoryRow;
import io.kefu.report.QuarterlyFigures.DepartmentRow;
import io.kefu.report.QuarterlyFigures.Rate;
import io.kefu.report.QuarterlyFigures.Trend;
import io.kefu.report.domain.QuarterlyAnalysisRepository;
import io.kefu.report.domain.QuarterlyComplaintAnalysis;
import io.kefu.report.domain.ReportWorkbooks;
import io.kefu.request.ComplaintCategoryFigure;
import io.kefu.request.RequestFigures;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.OnTimeFigure;
import io.kefu.web.TableWorkbook;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly complaint analyses (季度投诉分析报告): their computed sections, from the
 * figures the request, standard and callback modules give of their own data, and the
 * reports of a site and quarter that quality staff write and an executive approves, which
 * freezes the computed sections as they are at that moment. The company's report of a
 * quarter (全公司, no site) covers every site; only those who see every site see it.
 */
@Service
public class QuarterlyAnalyses {

	/** Who writes and submits the reports: quality staff, supervisors, site managers. */
	public static final Set<Role> WRITERS = Set.of(Role.QUALITY, Role.SUPERVISOR, Role.SITE_MANAGER);

	/** Who writes and submits the company's report: quality staff (品质部). */
	public static final Set<Role> COMPANY_WRITERS = Set.of(Role.QUALITY);

	/** The most reports a list shows. */
	public static final int LIST_LIMIT = 200;

	private final RequestFigures requests;

	private final ClockManagement clocks;

	private final CallbackQueries callbacks;

	private final DirectoryManagement directory;

	private final QuarterlyAnalysisRepository reports;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	QuarterlyAnalyses(RequestFigures requests, ClockManagement clocks, CallbackQueries callbacks,
			DirectoryManagement directory, QuarterlyAnalysisRepository reports, JsonMapper json,
			MessageSource messages, Clock clock) {
		this.requests = requests;
		this.clocks = clocks;
		this.callbacks = callbacks;
		this.directory = directory;
		this.reports = reports;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	public static boolean mayWrite(CurrentUser user) {
		return WRITERS.stream().anyMatch(user::hasRole);
	}

	/**
	 * Whether the user's roles write the site's report or, with no site, the company's;
	 * starting the company's takes every site besides ({@link #mayWriteCompany}).
	 */
	public static boolean mayWrite(CurrentUser user, Long siteId) {
		return (siteId == null ? COMPANY_WRITERS : WRITERS).stream().anyMatch(user::hasRole);
	}

	/** Whether the user may start the company's report: a company writer who sees every site. */
	public boolean mayWriteCompany(CurrentUser user) {
		return mayWrite(user, null) && seesCompany(user);
	}

	public static boolean mayApprove(CurrentUser user) {
		return user.hasRole(Role.EXECUTIVE);
	}

	/** The quarter before the one of today: the one usually analysed. */
	public Quarter lastQuarter() {
		return Quarter.containing(LocalDate.now(clock)).previous();
	}

	/** The computed sections of the site's (or, with no site, all the user's sites') quarter as they are now. */
	public QuarterlyFigures figures(CurrentUser user, Long siteId, Quarter quarter) {
		requireReader(user);
		String siteName = siteId == null ? null : directory.site(user, siteId).name();
		List<ComplaintCategoryFigure> now = complaintCategories(user, siteId, quarter);
		List<ComplaintCategoryFigure> before = complaintCategories(user, siteId, quarter.previous());
		long lastYear = total(complaintCategories(user, siteId, quarter.yearBefore()));
		Map<Long, Long> previous = new LinkedHashMap<>();
		before.forEach(c -> previous.put(c.categoryId(), c.count()));
		List<CategoryRow> categories = now.stream()
			.map(c -> new CategoryRow(c.categoryId(), categoryName(c), c.count(), previous.getOrDefault(c.categoryId(), 0L)))
			.collect(Collectors.toList());
		Set<Long> shown = now.stream().map(ComplaintCategoryFigure::categoryId).collect(Collectors.toSet());
		before.stream()
			.filter(c -> !shown.contains(c.categoryId()))
			.forEach(c -> categories.add(new CategoryRow(c.categoryId(), categoryName(c), 0, c.count())));
		Instant from = start(quarter.from());
		Instant to = start(quarter.to().plusDays(1));
		List<OnTimeFigure> onTime = clocks.onTime(user, siteId, from, to, RequestType.COMPLAINT);
		long met = onTime.stream().mapToLong(OnTimeFigure::met).sum();
		long breached = onTime.stream().mapToLong(OnTimeFigure::breached).sum();
		CallbackFigure called = callbacks.figures(user, siteId, FigureDimension.TYPE, from, to)
			.stream()
			.filter(f -> RequestType.COMPLAINT.name().equals(f.key()))
			.findFirst()
			.orElse(CallbackFigure.of(RequestType.COMPLAINT.name(), RequestType.COMPLAINT.name(), 0, 0, 0, 0, 0));
		return new QuarterlyFigures(quarter, siteId, siteName, Trend.of(total(now), total(before), lastYear),
				now.stream().mapToLong(ComplaintCategoryFigure::major).sum(),
				now.stream().mapToLong(ComplaintCategoryFigure::valid).sum(),
				now.stream().mapToLong(ComplaintCategoryFigure::invalid).sum(),
				now.stream().mapToLong(ComplaintCategoryFigure::undecided).sum(),
				requests.repeatComplaints(user, siteId, quarter.from(), quarter.to()), List.copyOf(categories),
				departments(user, siteId, quarter), Rate.of(met, met + breached),
				Rate.of(called.done(), called.required()), Rate.of(called.satisfied(), called.done()));
	}

	/**
	 * The reports of the user's sites, and the company's for one who sees every site, the
	 * latest quarter first and in each the company's first (at most {@link #LIST_LIMIT}).
	 */
	public List<QuarterlyAnalysisSummary> list(CurrentUser user) {
		requireReader(user);
		Map<Long, String> names = directory.sites(user).stream()
			.collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
		String company = companyName();
		return reports.list(user.sites(), seesCompany(user), siteId -> siteId == null ? company : names.get(siteId),
				LIST_LIMIT);
	}

	/** Starts the site's (no site: the company's) report of the quarter, or gives the one started already. */
	@Transactional
	public QuarterlyAnalysisDetails start(CurrentUser user, Long siteId, Quarter quarter) {
		requireScope(user, siteId);
		requireWriter(user, siteId);
		long id = reports.idOf(siteId, quarter)
			.or(() -> reports.insert(QuarterlyComplaintAnalysis.start(siteId, quarter, signature(user))))
			.or(() -> reports.idOf(siteId, quarter))
			.orElseThrow();
		return get(user, id);
	}

	/** The report with its computed sections: live until it is approved, then as they were frozen. */
	public QuarterlyAnalysisDetails get(CurrentUser user, long id) {
		requireReader(user);
		QuarterlyComplaintAnalysis report = load(user, id);
		String siteName = report.siteId() == null ? companyName() : directory.site(user, report.siteId()).name();
		boolean frozen = report.snapshot() != null;
		QuarterlyFigures figures = frozen ? json.readValue(report.snapshot(), QuarterlyFigures.class)
				: figures(user, report.siteId(), report.quarter());
		return new QuarterlyAnalysisDetails(report.id(), report.siteId(), siteName, report.quarter(), report.state(),
				report.sections(), report.drafted(), report.submitted(), report.approved(), report.returnNote(), frozen,
				figures, report.version());
	}

	/** Saves the written sections of a draft (保存). */
	@Transactional
	public QuarterlyAnalysisDetails write(CurrentUser user, long id, int version, WrittenSections sections) {
		QuarterlyComplaintAnalysis report = loadForWriter(user, id, version);
		report.write(sections == null ? new WrittenSections(null, null, null) : sections, signature(user));
		reports.update(report);
		return get(user, id);
	}

	/**
	 * Hands the draft in for approval (提交), with the sections as written in the same
	 * step (null: as saved); every section must be filled in.
	 */
	@Transactional
	public QuarterlyAnalysisDetails submit(CurrentUser user, long id, int version, WrittenSections sections) {
		QuarterlyComplaintAnalysis report = loadForWriter(user, id, version);
		Signature by = signature(user);
		if (sections != null) {
			report.write(sections, by);
		}
		report.submit(by);
		reports.update(report);
		return get(user, id);
	}

	/** An executive approves the submitted report (批准), freezing its computed sections. */
	@Transactional
	public QuarterlyAnalysisDetails approve(CurrentUser user, long id, int version) {
		QuarterlyComplaintAnalysis report = loadForApprover(user, id, version);
		QuarterlyFigures figures = figures(user, report.siteId(), report.quarter());
		report.approve(signature(user), json.writeValueAsString(figures));
		reports.update(report);
		return get(user, id);
	}

	/** An executive sends the submitted report back to draft with the reason (退回). */
	@Transactional
	public QuarterlyAnalysisDetails returnToDraft(CurrentUser user, long id, int version, String note) {
		QuarterlyComplaintAnalysis report = loadForApprover(user, id, version);
		report.returnToDraft(note, signature(user));
		reports.update(report);
		return get(user, id);
	}

	/** The site's (no site: the company's) report of the quarter, once started. */
	public Optional<QuarterlyAnalysisDetails> of(CurrentUser user, Long siteId, Quarter quarter) {
		requireScope(user, siteId);
		return reports.idOf(siteId, quarter).map(id -> get(user, id));
	}

	/** The report as .xlsx: its computed sections (frozen once approved) and its written ones. */
	public static void writeWorkbook(QuarterlyAnalysisDetails report, OutputStream out) {
		try (TableWorkbook workbook = new TableWorkbook(out)) {
			ReportWorkbooks.quarterly(workbook, report.figures(), report.sections(), title(report));
		}
	}

	/** As 锦绣华庭 2026年第3季度 投诉分析报告. */
	public static String title(QuarterlyAnalysisDetails report) {
		return report.siteName() + " " + report.quarter() + " 投诉分析报告";
	}

	private QuarterlyComplaintAnalysis loadForWriter(CurrentUser user, long id, int version) {
		QuarterlyComplaintAnalysis report = load(user, id);
		requireWriter(user, report.siteId());
		report.requireVersion(version);
		return report;
	}

	private QuarterlyComplaintAnalysis loadForApprover(CurrentUser user, long id, int version) {
		QuarterlyComplaintAnalysis report = load(user, id);
		if (!mayApprove(user)) {
			throw new AccessDeniedException("只有公司领导可以批准或退回季度投诉分析报告");
		}
		report.requireVersion(version);
		return report;
	}

	private QuarterlyComplaintAnalysis load(CurrentUser user, long id) {
		return reports.find(user.sites(), seesCompany(user), id)
			.orElseThrow(() -> new NotFoundException("没有找到该季度投诉分析报告"));
	}

	/** The site must be one of the user's; the company (no site) needs all of them. */
	private void requireScope(CurrentUser user, Long siteId) {
		if (siteId != null) {
			directory.site(user, siteId);
		}
		else if (!seesCompany(user)) {
			throw new InvalidInputException("site", "只有能查看全部项目的人员可以编写全公司报告");
		}
	}

	/** Whether the user's sites cover every site of the company, which the company's report is about. */
	private boolean seesCompany(CurrentUser user) {
		Set<Long> seen = Set.copyOf(user.siteIds());
		return directory.allSites().stream().allMatch(site -> seen.contains(site.id()));
	}

	private String companyName() {
		return messages.getMessage("quarterly.company", null, LocaleContextHolder.getLocale());
	}

	private List<ComplaintCategoryFigure> complaintCategories(CurrentUser user, Long siteId, Quarter quarter) {
		return requests.complaintCategories(user, siteId, quarter.from(), quarter.to());
	}

	private List<DepartmentRow> departments(CurrentUser user, Long siteId, Quarter quarter) {
		Map<Long, String> names = directory.departments().stream()
			.collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
		return requests.complaintDepartments(user, siteId, quarter.from(), quarter.to()).stream()
			.map(d -> new DepartmentRow(d.departmentId(), d.departmentId() == null ? null : names.get(d.departmentId()),
					d.valid(), d.invalid(), d.undecided()))
			.toList();
	}

	private Signature signature(CurrentUser user) {
		return new Signature(user.accountId(), user.displayName(), clock.instant());
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(clock.getZone()).toInstant();
	}

	private static String categoryName(ComplaintCategoryFigure c) {
		if (c.name() == null) {
			return null;
		}
		return c.parentName() == null ? c.name() : c.parentName() + "·" + c.name();
	}

	private static long total(List<ComplaintCategoryFigure> categories) {
		return categories.stream().mapToLong(ComplaintCategoryFigure::count).sum();
	}

	private static void requireReader(CurrentUser user) {
		if (!ReportManagement.mayRead(user)) {
			throw new AccessDeniedException("reports");
		}
	}

	private static void requireWriter(CurrentUser user, Long siteId) {
		if (!mayWrite(user, siteId)) {
			throw new AccessDeniedException(siteId == null ? "只有品质部可以编写和提交全公司季度投诉分析报告"
					: "只有品质部、主管或项目经理可以编写和提交季度投诉分析报告");
		}
	}
}
