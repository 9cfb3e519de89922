package io.kefu.report;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.callback.CallbackQueries;
import io.kefu.callback.StaffCallbackFigure;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.StaffSummary;
import io.kefu.request.RequestFigures;
import io.kefu.request.RequestType;
import io.kefu.request.SearchState;
import io.kefu.request.StaffRequestFigure;
import io.kefu.report.domain.ReportWorkbooks;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.standard.ClockManagement;
import io.kefu.standard.StaffOnTimeFigure;
import io.kefu.web.TableWorkbook;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Staff performance (员工绩效): per staff member of a site (or of every site the user may
 * see) over a period, the figures the request, standard and callback modules each give
 * of their own data in one grouped query, named from one look-up of the staff.
 */
@Service
public class StaffPerformance {

	private static final StaffRequestFigure NO_REQUESTS = new StaffRequestFigure(0, 0, 0, 0, 0, 0, 0, 0);

	private static final StaffOnTimeFigure NO_CLOCKS = new StaffOnTimeFigure(0, 0, 0);

	private static final StaffCallbackFigure NO_CALLBACKS = new StaffCallbackFigure(0, 0, 0, 0, 0, 0);

	private final RequestFigures requests;

	private final ClockManagement clocks;

	private final CallbackQueries callbacks;

	private final DirectoryManagement directory;

	private final Clock clock;

	StaffPerformance(RequestFigures requests, ClockManagement clocks, CallbackQueries callbacks,
			DirectoryManagement directory, Clock clock) {
		this.requests = requests;
		this.clocks = clocks;
		this.callbacks = callbacks;
		this.directory = directory;
		this.clock = clock;
	}

	/** The sheet as .xlsx, a row per staff member. */
	public static void writeWorkbook(StaffSheet sheet, OutputStream out) {
		try (TableWorkbook workbook = new TableWorkbook(out)) {
			ReportWorkbooks.staff(workbook, sheet, title(sheet));
		}
	}

	/** As 锦绣华庭 员工绩效 2026-11-01 至 2026-11-30. */
	public static String title(StaffSheet sheet) {
		return (sheet.siteName() == null ? "全部项目" : sheet.siteName()) + " 员工绩效 " + sheet.period().from() + " 至 "
				+ sheet.period().to();
	}

	/**
	 * Every agent and technician who works at the site(s), with their figures or zeros, and
	 * any other staff member with a figure; by group, then by staff number.
	 */
	public StaffSheet sheet(CurrentUser user, Long siteId, ReportPeriod period) {
		if (!ReportManagement.mayRead(user)) {
			throw new AccessDeniedException("reports");
		}
		String siteName = siteId == null ? null : directory.site(user, siteId).name();
		Instant from = start(period.from());
		Instant to = start(period.to().plusDays(1));
		Map<Long, StaffRequestFigure> requested = requests.staff(user, siteId, period.from(), period.to())
			.stream()
			.collect(Collectors.toMap(StaffRequestFigure::accountId, Function.identity()));
		Map<Long, StaffOnTimeFigure> timed = clocks.onTimeByStaff(user, siteId, from, to)
			.stream()
			.collect(Collectors.toMap(StaffOnTimeFigure::accountId, Function.identity()));
		Map<Long, StaffCallbackFigure> called = callbacks.staffFigures(user, siteId, from, to)
			.stream()
			.collect(Collectors.toMap(StaffCallbackFigure::accountId, Function.identity()));
		Map<Long, StaffSummary> staff = directory.staff(user)
			.stream()
			.collect(Collectors.toMap(StaffSummary::accountId, Function.identity()));
		List<Long> scope = Arrays.asList(user.sites(siteId));
		Set<Long> accounts = new TreeSet<>(requested.keySet());
		accounts.addAll(timed.keySet());
		accounts.addAll(called.keySet());
		staff.values()
			.stream()
			.filter(s -> s.enabled() && (s.roles().contains(Role.AGENT) || s.roles().contains(Role.TECHNICIAN))
					&& s.siteIds().stream().anyMatch(scope::contains))
			.forEach(s -> accounts.add(s.accountId()));
		DrillDown all = DrillDown.of(siteId, period);
		List<StaffRow> rows = accounts.stream()
			.map(id -> row(id, staff.get(id), requested.getOrDefault(id, NO_REQUESTS), timed.getOrDefault(id, NO_CLOCKS),
					called.getOrDefault(id, NO_CALLBACKS), all))
			.sorted(Comparator.comparing(StaffRow::group)
				.thenComparing(StaffRow::staffNumber, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(StaffRow::accountId))
			.toList();
		return new StaffSheet(period, siteId, siteName, rows);
	}

	private static StaffRow row(long accountId, StaffSummary member, StaffRequestFigure r, StaffOnTimeFigure t,
			StaffCallbackFigure c, DrillDown all) {
		StaffGroup group = group(member, r, c);
		boolean technician = group == StaffGroup.TECHNICIAN;
		long reached = technician ? c.reachedAsAssignee() : c.reachedAsOwner();
		long satisfied = technician ? c.satisfiedAsAssignee() : c.satisfiedAsOwner();
		DrillDown owned = all.with("owner", accountId);
		StaffRow.Links links = new StaffRow.Links(owned.link(), owned.with("state", SearchState.HANDLED).link(),
				all.with("type", RequestType.PRAISE).with("concerned", accountId).link(),
				all.with("type", RequestType.COMPLAINT).with("concerned", accountId).link());
		return new StaffRow(group, accountId, member == null ? null : member.staffNumber(),
				member == null ? null : member.name(), member == null ? null : member.departmentName(),
				member == null ? Set.of() : member.roles(), r.received(), r.handled(), r.completed(), t.met(),
				t.breached(), percent(t.met(), t.met() + t.breached()), c.made(), reached, satisfied,
				percent(satisfied, reached), r.praise(), r.complaints(), r.validComplaints(), r.invalidComplaints(),
				links);
	}

	/** Technicians by their role; whoever takes on requests or makes callbacks is an agent; the rest are other staff. */
	private static StaffGroup group(StaffSummary member, StaffRequestFigure r, StaffCallbackFigure c) {
		Set<Role> roles = member == null ? Set.of() : member.roles();
		if (roles.contains(Role.TECHNICIAN) || (member == null && (r.completed() > 0 || c.reachedAsAssignee() > 0))) {
			return StaffGroup.TECHNICIAN;
		}
		if (roles.contains(Role.AGENT) || r.received() > 0 || c.made() > 0) {
			return StaffGroup.AGENT;
		}
		return StaffGroup.OTHER;
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(clock.getZone()).toInstant();
	}

	private static Double percent(long count, long of) {
		return of == 0 ? null : 100.0 * count / of;
	}
}
