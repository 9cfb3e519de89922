package io.kefu.report;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.report.domain.PackStore;
import io.kefu.report.domain.ReportWorkbooks;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Page;
import io.kefu.web.TableWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Report packs (报表包): a site's reports of a month or a quarter as one workbook — every
 * table of the dashboard, the complaint summary and staff performance of the period, and
 * for a quarter its complaint analysis (as approved, or as it stands) — made on schedule
 * and kept for download, or made again on demand.
 */
@Service
public class ReportPacks {

	private static final Logger log = LoggerFactory.getLogger(ReportPacks.class);

	private final ReportManagement reports;

	private final QuarterlyAnalyses analyses;

	private final StaffPerformance staff;

	private final PackStore store;

	private final DirectoryManagement directory;

	private final ReportSettings settings;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ReportPacks(ReportManagement reports, QuarterlyAnalyses analyses, StaffPerformance staff,
			PackStore store, DirectoryManagement directory, ReportSettings settings,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.reports = reports;
		this.analyses = analyses;
		this.staff = staff;
		this.store = store;
		this.directory = directory;
		this.settings = settings;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The packs of the user's sites (or one of them), the newest first; the cursor is the last one's id. */
	public Page<ReportPack> list(CurrentUser user, Long siteId, String cursor, Integer size) {
		requireReader(user, siteId);
		int limit = Page.size(size);
		Map<Long, String> names = siteNames(user);
		List<ReportPack> rows = store.list(user.sites(siteId), before(cursor), limit + 1).stream()
			.map(r -> pack(r, names))
			.toList();
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		return new Page<>(rows.subList(0, limit), String.valueOf(rows.get(limit - 1).id()));
	}

	public ReportPack pack(CurrentUser user, long id) {
		requireReader(user, null);
		return store.row(user.sites(), id).map(r -> pack(r, siteNames(user))).orElseThrow(ReportPacks::notFound);
	}

	public byte[] content(CurrentUser user, long id) {
		requireReader(user, null);
		return store.content(user.sites(), id).orElseThrow(ReportPacks::notFound);
	}

	/**
	 * Makes the pack of the site and the period containing {@code day} now, over the one
	 * made before (data registered or changed since is in it).
	 */
	public ReportPack generate(CurrentUser user, long siteId, PackKind kind, LocalDate day) {
		requireReader(user, null);
		SiteSummary site = directory.site(user, siteId);
		if (kind == null || day == null) {
			throw new InvalidInputException("kind", "请选择报表包的类型和期间");
		}
		ReportPeriod period = period(kind, day);
		if (period.from().isAfter(reports.today())) {
			throw new InvalidInputException("day", "不能生成尚未开始的期间的报表包");
		}
		long id = transaction.execute(status -> make(user, site, kind, period, true)).orElseThrow();
		return pack(user, id);
	}

	/**
	 * Makes every pack due on {@code today} that is not made yet: this month's from the
	 * monthly pack day on, the last quarter's from the quarterly pack day of this quarter's
	 * first month on. A day missed (Kefu was not running) is caught up at the next check.
	 * Returns how many packs were made.
	 */
	public int generateDue(LocalDate today) {
		List<SiteSummary> sites = directory.allSites();
		CurrentUser system = new CurrentUser(0, "system", label("reports.pack.system"), Set.of(Role.ADMINISTRATOR),
				sites.stream().map(SiteSummary::id).toList());
		int made = 0;
		YearMonth month = YearMonth.from(today);
		if (today.getDayOfMonth() >= Math.min(settings.monthlyPackDay(), month.lengthOfMonth())) {
			made += makeMissing(system, sites, PackKind.MONTHLY, period(PackKind.MONTHLY, today));
		}
		LocalDate quarterStart = period(PackKind.QUARTERLY, today).from();
		if (today.getDayOfMonth() >= Math.min(settings.quarterlyPackDay(), month.lengthOfMonth())
				|| !month.equals(YearMonth.from(quarterStart))) {
			made += makeMissing(system, sites, PackKind.QUARTERLY, period(PackKind.QUARTERLY, quarterStart.minusDays(1)));
		}
		return made;
	}

	/**
	 * Each site's pack in its own transaction, so that one that fails (logged, tried again
	 * at the next check) keeps no other back. Two instances making the same pack at once
	 * keep the first one saved.
	 */
	private int makeMissing(CurrentUser system, List<SiteSummary> sites, PackKind kind, ReportPeriod period) {
		Set<Long> made = store.sitesWith(kind, period.from());
		int count = 0;
		for (SiteSummary site : sites) {
			if (made.contains(site.id())) {
				continue;
			}
			try {
				transaction.executeWithoutResult(status -> make(system, site, kind, period, false));
				count++;
			}
			catch (RuntimeException ex) {
				log.error("The {} report pack of site {} for {} could not be made", kind, site.code(), period.from(), ex);
			}
		}
		if (count > 0) {
			log.info("Made {} {} report packs for {} – {}", count, kind, period.from(), period.to());
		}
		return count;
	}

	/** A pack is the company's record, written in Chinese whoever makes it. */
	private Optional<Long> make(CurrentUser user, SiteSummary site, PackKind kind, ReportPeriod period, boolean replace) {
		Locale reader = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String title;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWorkbook workbook = new TableWorkbook(out)) {
			title = title(site, kind, period);
			ReportWorkbooks.dashboard(workbook, reports.dashboard(user, site.id(), period), title);
			TableWorkbook.Table complaints = ReportWorkbooks.complaints(workbook, title);
			reports.complaints(user, site.id(), period, line -> ReportWorkbooks.complaint(complaints, line));
			ReportWorkbooks.staff(workbook, staff.sheet(user, site.id(), period), title);
			if (kind == PackKind.QUARTERLY) {
				Quarter quarter = Quarter.containing(period.from());
				Optional<QuarterlyAnalysisDetails> report = analyses.of(user, site.id(), quarter);
				ReportWorkbooks.quarterly(workbook,
						report.map(QuarterlyAnalysisDetails::figures).orElseGet(() -> analyses.figures(user, site.id(), quarter)),
						report.map(QuarterlyAnalysisDetails::sections).orElse(null), title);
			}
		}
		finally {
			LocaleContextHolder.setLocale(reader);
		}
		return store.save(site.id(), kind, period.from(), period.to(), title + ".xlsx", out.toByteArray(), clock.instant(),
				replace);
	}

	/** 锦绣华庭 2026年11月 报表包, 锦绣华庭 2026年第4季度 报表包. */
	private String title(SiteSummary site, PackKind kind, ReportPeriod period) {
		return kind == PackKind.MONTHLY
				? label("reports.pack.monthlyName", site.name(), period.from().getYear(), period.from().getMonthValue())
				: label("reports.pack.quarterlyName", site.name(), period.from().getYear(),
						(period.from().getMonthValue() + 2) / 3);
	}

	private static ReportPeriod period(PackKind kind, LocalDate day) {
		return ReportPeriod.of(kind == PackKind.MONTHLY ? PeriodKind.MONTH : PeriodKind.QUARTER, day, null, null);
	}

	private ReportPack pack(PackStore.Row r, Map<Long, String> siteNames) {
		return new ReportPack(r.id(), r.siteId(), siteNames.get(r.siteId()), r.kind(), r.from(), r.to(), r.fileName(),
				r.size(), r.generatedAt());
	}

	private Map<Long, String> siteNames(CurrentUser user) {
		return directory.sites(user).stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
	}

	private void requireReader(CurrentUser user, Long siteId) {
		if (!ReportManagement.mayRead(user)) {
			throw new AccessDeniedException("reports");
		}
		if (siteId != null) {
			directory.site(user, siteId);
		}
	}

	private static Long before(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(cursor.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("cursor", "翻页参数不正确，请从第一页重新打开");
		}
	}

	private String label(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static NotFoundException notFound() {
		return new NotFoundException("没有找到该报表包");
	}
}
