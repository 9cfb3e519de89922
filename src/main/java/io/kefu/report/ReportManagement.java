package io.kefu.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.directory.DepartmentSummary;
import io.kefu.callback.CallbackFigure;
import io.kefu.callback.CallbackQueries;
import io.kefu.callback.FigureDimension;
import io.kefu.callback.LatestCallback;
import io.kefu.request.ComplaintEntry;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.RoomBuilding;
import io.kefu.directory.SiteSummary;
import io.kefu.report.Dashboard.DepartmentRow;
import io.kefu.report.Dashboard.Figure;
import io.kefu.report.Dashboard.Headline;
import io.kefu.report.Dashboard.OnTimeRow;
import io.kefu.report.Dashboard.ParetoFigure;
import io.kefu.report.Dashboard.Rate;
import io.kefu.report.domain.ReportWorkbooks;
import io.kefu.request.AgeBucket;
import io.kefu.request.DepartmentFigure;
import io.kefu.request.RequestCounts;
import io.kefu.request.RequestCounts.CategoryCount;
import io.kefu.request.RequestFigures;
import io.kefu.request.RequestSearch;
import io.kefu.request.RequestTotals;
import io.kefu.request.RequestType;
import io.kefu.request.SearchState;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.standard.ClockFilter;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.OnTimeFigure;
import io.kefu.web.TableWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The reports: figures the request and standard modules give of their own data,
 * composed per site (or every site the user may see) and period, with the link to the
 * requests behind each.
 */
@Service
public class ReportManagement {

	/** Who reads reports: supervisors, site managers, quality staff, executives, administrators. */
	public static final Set<Role> READERS = Set.of(Role.SUPERVISOR, Role.SITE_MANAGER, Role.QUALITY, Role.EXECUTIVE,
			Role.ADMINISTRATOR);

	/** Complaints are streamed in batches of this many, each with one query for their callbacks. */
	private static final int CALLBACK_BATCH = 500;

	private final RequestFigures figures;

	private final ClockManagement clocks;

	private final CallbackQueries callbacks;

	private final DirectoryManagement directory;

	private final ReportSettings settings;

	private final MessageSource messages;

	private final Clock clock;

	ReportManagement(RequestFigures figures, ClockManagement clocks, CallbackQueries callbacks,
			DirectoryManagement directory, ReportSettings settings, MessageSource messages,
			Clock clock) {
		this.figures = figures;
		this.callbacks = callbacks;
		this.clocks = clocks;
		this.directory = directory;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	public static boolean mayRead(CurrentUser user) {
		return READERS.stream().anyMatch(user::hasRole);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Dashboard dashboard(CurrentUser user, Long siteId, ReportPeriod period) {
		String siteName = siteName(user, siteId);
		LocalDate from = period.from();
		LocalDate to = period.to();
		DrillDown all = DrillDown.of(siteId, period);
		DrillDown complaints = all.with("type", RequestType.COMPLAINT);
		RequestTotals totals = figures.totals(user, siteId, from, to);
		RequestCounts counts = figures.counts(user, siteId, from, to);
		List<Figure> backlog = backlog(user, siteId);
		List<OnTimeFigure> onTime = clocks.onTime(user, siteId, from.atStartOfDay(zone()).toInstant(),
				to.plusDays(1).atStartOfDay(zone()).toInstant());
		List<CallbackFigure> called = callbacks.figures(user, siteId, FigureDimension.SITE,
				from.atStartOfDay(zone()).toInstant(), to.plusDays(1).atStartOfDay(zone()).toInstant());
		long required = called.stream().mapToLong(CallbackFigure::required).sum();
		long done = called.stream().mapToLong(CallbackFigure::done).sum();
		long satisfied = called.stream().mapToLong(CallbackFigure::satisfied).sum();
		DrillDown callbacksBehind = DrillDown.callbacks(siteId, period);
		long met = onTime.stream().mapToLong(OnTimeFigure::met).sum();
		long finished = met + onTime.stream().mapToLong(OnTimeFigure::breached).sum();
		DrillDown suggestions = all.with("type", RequestType.SUGGESTION);
		DrillDown clocksStarted = DrillDown.clocks(siteId, period);
		Headline headline = new Headline(
				new Figure("requests", label("reports.requests"), totals.requests(), all.link()),
				new Figure("complaints", label("reports.complaints"), totals.complaints(), complaints.link()),
				new Figure("repeat", label("reports.repeatComplaints"), figures.repeatComplaints(user, siteId, from, to),
						complaints.with("repeat", true).link()),
				new Rate(percent(met, finished), settings.onTimeTarget(), met, finished,
						clocksStarted.with("state", ClockFilter.State.BREACHED).link()),
				new Rate(totals.suggestionReplyRate(), settings.suggestionReplyTarget(), totals.suggestionsReplied(),
						totals.suggestions(), suggestions.link()),
				new Rate(percent(done, required), settings.callbackTarget(), done, required, callbacksBehind.link()),
				new Rate(percent(satisfied, done), settings.satisfactionTarget(), satisfied, done,
						callbacksBehind.with("reached", true).link()),
				new Figure("resolved", label("reports.resolved"), totals.resolved(),
						all.with("state", SearchState.RESOLVED).link()),
				totals.averageHandling(), totals.p90Handling(),
				new Figure("backlog", label("reports.backlog"), backlog.stream().mapToLong(Figure::count).sum(),
						DrillDown.at(siteId).with("state", SearchState.OPEN).link()));
		List<Figure> categories = counts.categories().stream().map(c -> category(all, c)).toList();
		return new Dashboard(period, siteId, siteName, headline,
				counts.types().stream()
					.map(t -> new Figure(t.type().name(), label("requestType." + t.type()), t.count(),
							all.with("type", t.type()).link()))
					.toList(),
				counts.channels().stream()
					.map(c -> new Figure(c.channel().name(), label("requests.channel." + c.channel()), c.count(),
							all.with("channel", c.channel()).link()))
					.toList(),
				categories, buildings(user, siteId, period, all), pareto(counts, all), departments(user, siteId, period, complaints),
				backlog, onTime(onTime, clocksStarted));
	}

	public MonthlyComplaints monthlyComplaints(CurrentUser user, Long siteId, YearMonth month) {
		List<ComplaintLine> lines = new ArrayList<>();
		complaints(user, siteId, ReportPeriod.month(month), lines::add);
		return new MonthlyComplaints(month, siteId, siteName(user, siteId), lines);
	}

	/** The monthly summary as .xlsx, each complaint written as it is read. */
	public void writeMonthlyComplaints(CurrentUser user, Long siteId, YearMonth month, OutputStream out) {
		try (TableWorkbook workbook = new TableWorkbook(out)) {
			TableWorkbook.Table sheet = ReportWorkbooks.complaints(workbook, title(user, siteId, month));
			complaints(user, siteId, ReportPeriod.month(month), line -> ReportWorkbooks.complaint(sheet, line));
		}
	}

	/** Every table of the dashboard as .xlsx, a sheet each. */
	public void writeDashboard(CurrentUser user, Long siteId, ReportPeriod period, OutputStream out) {
		Dashboard dashboard = dashboard(user, siteId, period);
		try (TableWorkbook workbook = new TableWorkbook(out)) {
			ReportWorkbooks.dashboard(workbook, dashboard, dashboardTitle(user, siteId, period));
		}
	}

	/** The dashboard's title and file name: 阳光花园 报表 2026-10-01 至 2026-12-31. */
	public String dashboardTitle(CurrentUser user, Long siteId, ReportPeriod period) {
		String site = siteId == null ? label("reports.allSites") : siteName(user, siteId);
		return label("reports.dashboard.name", site, period.from(), period.to());
	}

	/** The summary's title and file name: 2026年11月 阳光花园 业户投诉汇总. */
	public String title(CurrentUser user, Long siteId, YearMonth month) {
		String site = siteId == null ? label("reports.allSites") : siteName(user, siteId);
		return label("reports.monthly.name", month.getYear(), month.getMonthValue(), site);
	}

	/**
	 * Every complaint registered in the period, oldest first, handed over one at a time with
	 * the names of its site and department and its latest callback.
	 */
	public void complaints(CurrentUser user, Long siteId, ReportPeriod period, Consumer<ComplaintLine> each) {
		requireReader(user);
		if (siteId != null) {
			directory.site(user, siteId);
		}
		Map<Long, String> sites = directory.sites(user).stream()
			.collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
		Map<Long, String> departments = directory.departments().stream()
			.collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
		List<ComplaintEntry> batch = new ArrayList<>(CALLBACK_BATCH);
		Consumer<List<ComplaintEntry>> emit = entries -> {
			Map<Long, LatestCallback> called = callbacks.latestOf(user, entries.stream().map(ComplaintEntry::id).toList());
			for (ComplaintEntry c : entries) {
				each.accept(new ComplaintLine(c, sites.get(c.siteId()), c.responsibleDepartmentId() == null ? null
						: departments.get(c.responsibleDepartmentId()), called.get(c.id())));
			}
			entries.clear();
		};
		figures.complaints(user, siteId, period.from(), period.to(), c -> {
			batch.add(c);
			if (batch.size() == CALLBACK_BATCH) {
				emit.accept(batch);
			}
		});
		emit.accept(batch);
	}

	private List<Figure> backlog(CurrentUser user, Long siteId) {
		LocalDate today = today();
		DrillDown open = DrillDown.at(siteId).with("state", SearchState.OPEN);
		return figures.backlog(user, siteId).entrySet().stream()
			.map(e -> new Figure(e.getKey().name(), label("reports.age." + e.getKey()), e.getValue(),
					open.with("from", e.getKey().firstDay(today)).with("to", e.getKey().lastDay(today)).link()))
			.toList();
	}

	private Figure category(DrillDown all, CategoryCount c) {
		String name = c.name() == null ? label("reports.noCategory")
				: c.parentName() == null ? c.name() : c.parentName() + "·" + c.name();
		return new Figure(String.valueOf(c.categoryId()), label("requestType." + c.type()) + " · " + name, c.count(),
				all.with("type", c.type()).with("category", c.categoryId()).link());
	}

	/** The complaint categories, the most frequent first, with the running share of all complaints. */
	private List<ParetoFigure> pareto(RequestCounts counts, DrillDown all) {
		List<CategoryCount> complaints = counts.categories().stream()
			.filter(c -> c.type() == RequestType.COMPLAINT)
			.sorted(Comparator.comparingLong(CategoryCount::count).reversed())
			.toList();
		long total = complaints.stream().mapToLong(CategoryCount::count).sum();
		List<ParetoFigure> pareto = new ArrayList<>();
		long running = 0;
		for (CategoryCount c : complaints) {
			running += c.count();
			Figure figure = category(all, c);
			pareto.add(new ParetoFigure(new Figure(figure.code(), c.name() == null ? label("reports.noCategory") : c.name(),
					c.count(), figure.link()), 100.0 * running / total));
		}
		return pareto;
	}

	/** Requests about rooms, by the building the room is in. */
	private List<Figure> buildings(CurrentUser user, Long siteId, ReportPeriod period, DrillDown all) {
		Map<Long, Long> rooms = figures.countsByRoom(user, siteId, period.from(), period.to());
		if (rooms.isEmpty()) {
			return List.of();
		}
		Map<Long, RoomBuilding> byRoom = directory.buildingsOfRooms(user, rooms.keySet()).stream()
			.collect(Collectors.toMap(RoomBuilding::roomId, Function.identity()));
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Long> counted = new LinkedHashMap<>();
		Map<Long, String> sites = siteId != null ? Map.of()
				: directory.sites(user).stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
		rooms.forEach((room, n) -> {
			RoomBuilding building = byRoom.get(room);
			if (building != null) {
				names.putIfAbsent(building.buildingId(), siteId != null ? building.buildingName()
						: sites.get(building.siteId()) + " " + building.buildingName());
				counted.merge(building.buildingId(), n, Long::sum);
			}
		});
		return counted.entrySet().stream()
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(e -> names.get(e.getKey())))
			.map(e -> new Figure(String.valueOf(e.getKey()), names.get(e.getKey()), e.getValue(),
					all.with("building", e.getKey()).link()))
			.toList();
	}

	private List<DepartmentRow> departments(CurrentUser user, Long siteId, ReportPeriod period, DrillDown complaints) {
		Map<Long, String> names = directory.departments().stream()
			.collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
		List<DepartmentRow> rows = new ArrayList<>();
		for (DepartmentFigure d : figures.complaintDepartments(user, siteId, period.from(), period.to())) {
			long id = d.departmentId() == null ? RequestSearch.NO_DEPARTMENT : d.departmentId();
			String name = d.departmentId() == null ? label("reports.noDepartment")
					: names.getOrDefault(d.departmentId(), String.valueOf(id));
			DrillDown department = complaints.with("department", id);
			rows.add(new DepartmentRow(name,
					new Figure("valid", name, d.valid(), department.with("valid", true).link()),
					new Figure("invalid", name, d.invalid(), department.with("valid", false).link()),
					new Figure("undecided", name, d.undecided(), null),
					new Figure(String.valueOf(id), name, d.total(), department.link())));
		}
		return rows;
	}

	/** Clocks by standard and kind, summed over the sites, each count linking to its clocks. */
	private List<OnTimeRow> onTime(List<OnTimeFigure> clocksOfSites, DrillDown clocksStarted) {
		Map<String, long[]> rows = new LinkedHashMap<>();
		Map<String, OnTimeFigure> first = new LinkedHashMap<>();
		for (OnTimeFigure f : clocksOfSites) {
			String key = f.standardId() + "/" + f.kind();
			first.putIfAbsent(key, f);
			long[] sums = rows.computeIfAbsent(key, k -> new long[3]);
			sums[0] += f.met();
			sums[1] += f.breached();
			sums[2] += f.running();
		}
		return rows.entrySet().stream().map(e -> {
			OnTimeFigure f = first.get(e.getKey());
			long[] s = e.getValue();
			DrillDown row = clocksStarted.with("standard", f.standardId()).with("kind", f.kind());
			return new OnTimeRow(f.standardName(), label("clockKind." + f.kind()), s[0], s[1], s[2],
					percent(s[0], s[0] + s[1]), row.with("state", ClockFilter.State.MET).link(),
					row.with("state", ClockFilter.State.BREACHED).link(), row.with("state", ClockFilter.State.RUNNING).link());
		}).toList();
	}

	private String siteName(CurrentUser user, Long siteId) {
		requireReader(user);
		return siteId == null ? null : directory.site(user, siteId).name();
	}

	private static void requireReader(CurrentUser user) {
		if (!mayRead(user)) {
			throw new AccessDeniedException("reports");
		}
	}

	private static Double percent(long count, long of) {
		return of == 0 ? null : 100.0 * count / of;
	}

	private ZoneId zone() {
		return clock.getZone();
	}

	private String label(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
