package io.kefu.standard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.kefu.KefuApplication;
import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;
import io.kefu.standard.domain.Calendars;
import io.kefu.standard.domain.HolidayFile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business calendars (工作日历): what administrators edit, and what clocks compute on.
 * <p>
 * {@link #forSite(long)} and {@link #model(long)} hand out immutable {@link CalendarModel}s
 * from a cache, so computing due times never reads the database. A change made here
 * empties the cache when it commits; a change made by another instance is seen within
 * {@link #CACHE_TIME}.
 */
@Service
public class CalendarManagement {

	static final Duration CACHE_TIME = Duration.ofMinutes(1);

	private final Calendars calendars;

	private final DirectoryManagement directory;

	private final Clock clock;

	private final Map<Long, Cached<CalendarModel>> models = new ConcurrentHashMap<>();

	private final Map<Long, Cached<Long>> siteCalendars = new ConcurrentHashMap<>();

	/** Counts the times the caches were emptied, so that a load that began before a change is not kept. */
	private final AtomicLong generation = new AtomicLong();

	private final ApplicationEventPublisher events;

	CalendarManagement(Calendars calendars, DirectoryManagement directory, ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.calendars = calendars;
		this.directory = directory;
		this.clock = clock;
	}

	/** The calendar a site's clocks run on: its own, or the company's default. */
	public CalendarModel forSite(long siteId) {
		long calendarId = cached(siteCalendars, siteId,
				() -> calendars.calendarOfSite(siteId).orElseGet(calendars::defaultId));
		return model(calendarId);
	}

	/** A calendar by id, for standards that name one (e.g. the 24-hour hotline). */
	public CalendarModel model(long calendarId) {
		return cached(models, calendarId, () -> calendars.model(calendarId, KefuApplication.ZONE)
			.orElseThrow(() -> new NotFoundException("没有找到该工作日历")));
	}

	/** The due time of a target started at {@code start} on a calendar, with its explanation. */
	public DueTime due(long calendarId, Instant start, Target target) {
		if (start == null) {
			throw new InvalidInputException("start", "请填写开始时间");
		}
		return model(calendarId).explain(start, target);
	}

	public List<CalendarSummary> calendars() {
		return calendars.all();
	}

	public CalendarDetails calendar(long id) {
		CalendarSummary summary = summary(id);
		return new CalendarDetails(summary, calendars.versions(id), calendars.own(id), calendars.sitesOf(id));
	}

	public long defaultCalendarId() {
		return calendars.defaultId();
	}

	/** The national schedule and the calendar's own exceptions that apply to it in a year. */
	public List<CalendarException> exceptions(long calendarId, int year) {
		CalendarModel model = model(calendarId);
		List<CalendarException> result = new ArrayList<>();
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			model.exceptionOn(day).ifPresent(result::add);
		}
		return result;
	}

	@Transactional
	public long create(CurrentUser user, NewCalendar calendar) {
		requireAdministrator(user);
		String name = checkedName(calendar.name());
		DayOfWeek makeup = calendar.makeupWeekday() == null ? DayOfWeek.MONDAY : calendar.makeupWeekday();
		if (!calendar.alwaysOpen()) {
			if (calendar.hours() == null) {
				throw new InvalidInputException("periods", "请填写每周的工作时段");
			}
			checkMakeupWeekday(makeup, calendar.hours());
		}
		long id;
		try {
			id = calendars.insert(name, calendar.alwaysOpen(), !calendar.alwaysOpen() && calendar.followsNationalHolidays(),
					makeup);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "工作日历“" + name + "”已存在");
		}
		if (!calendar.alwaysOpen()) {
			calendars.putHours(id, LocalDate.of(2000, 1, 1), calendar.hours(), clock.instant(), user.username());
		}
		return id;
	}

	@Transactional
	public void update(CurrentUser user, long id, int version, CalendarSettings settings) {
		requireAdministrator(user);
		CalendarSummary calendar = summary(id);
		String name = checkedName(settings.name());
		DayOfWeek makeup = settings.makeupWeekday() == null ? DayOfWeek.MONDAY : settings.makeupWeekday();
		if (!calendar.alwaysOpen()) {
			calendars.versions(id).forEach(v -> checkMakeupWeekday(makeup, v.hours()));
		}
		try {
			if (!calendars.update(id, version, name, !calendar.alwaysOpen() && settings.followsNationalHolidays(), makeup)) {
				throw new StaleDataException();
			}
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "工作日历“" + name + "”已存在");
		}
		forgetAfterCommit();
	}

	/** Makes the calendar the company's default, used by every site without its own. */
	@Transactional
	public void makeDefault(CurrentUser user, long id) {
		requireAdministrator(user);
		summary(id);
		calendars.makeDefault(id);
		forgetAfterCommit();
	}

	/**
	 * A new version of the weekly hours from {@code effectiveFrom} on; days before keep
	 * the hours they had. A version from the same date is replaced. The past is not
	 * rewritten: the date is today or later.
	 */
	@Transactional
	public void changeHours(CurrentUser user, long id, LocalDate effectiveFrom, WeeklyHours hours) {
		requireAdministrator(user);
		CalendarSummary calendar = summary(id);
		if (calendar.alwaysOpen()) {
			throw new InvalidInputException("periods", "24 小时日历全天都是工作时间，没有工作时段可改");
		}
		if (effectiveFrom == null) {
			throw new InvalidInputException("effectiveFrom", "请填写新工作时间的生效日期");
		}
		if (effectiveFrom.isBefore(LocalDate.now(clock.withZone(KefuApplication.ZONE)))) {
			throw new InvalidInputException("effectiveFrom", "生效日期不能早于今天：已经过去的日子按当时的工作时间计算");
		}
		if (hours == null) {
			throw new InvalidInputException("periods", "请填写每周的工作时段");
		}
		checkMakeupWeekday(calendar.makeupWeekday(), hours);
		calendars.putHours(id, effectiveFrom, hours, clock.instant(), user.username());
		forgetAfterCommit();
	}

	/**
	 * Adds (or renames) one of the calendar's own exceptions. A date is a holiday or a
	 * make-up working day, never both, and never against the national schedule the
	 * calendar follows. A make-up day on a day that is worked anyway is saved, with a
	 * warning returned.
	 */
	@Transactional
	public Optional<String> putException(CurrentUser user, long id, LocalDate date, CalendarExceptionKind kind,
			String name) {
		requireAdministrator(user);
		CalendarSummary calendar = summary(id);
		if (calendar.alwaysOpen()) {
			throw new InvalidInputException("date", "24 小时日历不分节假日");
		}
		if (date == null) {
			throw new InvalidInputException("date", "请填写日期");
		}
		if (kind == null) {
			throw new InvalidInputException("kind", "请选择法定节假日或调休上班");
		}
		if (name == null || name.isBlank() || name.strip().length() > 20) {
			throw new InvalidInputException("name", "请填写名称（不超过 20 个字）");
		}
		Optional<CalendarException> own = calendars.own(id).stream().filter(e -> e.date().equals(date)).findFirst();
		if (own.isPresent() && own.get().kind() != kind) {
			throw new InvalidInputException("kind", date + " 已是" + label(own.get().kind()) + "，不能同时是" + label(kind)
					+ "（同一天不能既是法定节假日又是调休上班日）");
		}
		if (calendar.followsNationalHolidays()) {
			Optional<CalendarException> national = calendars.national(date);
			if (national.isPresent()) {
				throw new InvalidInputException("date", national.get().kind() != kind
						? date + " 在国家放假安排中是" + label(national.get().kind()) + "，不能同时是" + label(kind)
						: date + " 已在国家放假安排中（" + national.get().name() + "）");
			}
		}
		calendars.putOwn(id, new CalendarException(date, kind, name.strip(), false));
		forgetAfterCommit();
		if (kind == CalendarExceptionKind.MAKEUP_WORKDAY
				&& model(id).hoursOn(date).map(h -> h.works(date.getDayOfWeek())).orElse(false)) {
			return Optional.of(date + " 本来就是工作日，调休上班按" + calendar.makeupDayName() + "的工作时间计算");
		}
		return Optional.empty();
	}

	@Transactional
	public void removeException(CurrentUser user, long id, LocalDate date) {
		requireAdministrator(user);
		summary(id);
		if (!calendars.removeOwn(id, date)) {
			throw new NotFoundException("该日历没有 " + date + " 这一天的例外");
		}
		forgetAfterCommit();
	}

	/** Which calendar each of the user's sites has been assigned; sites not listed use the default. */
	public Map<Long, Long> assignments(CurrentUser user) {
		return calendars.assignments(user.sites());
	}

	/** Assigns a calendar to a site; {@code null} returns the site to the default calendar. */
	@Transactional
	public void assign(CurrentUser user, long siteId, Long calendarId) {
		requireAdministrator(user);
		directory.site(user, siteId);
		if (calendarId != null) {
			summary(calendarId);
		}
		calendars.assign(siteId, calendarId);
		forgetAfterCommit();
	}

	/** What importing the schedule file would add to the national schedule, and what stops it. */
	public ScheduleImport previewSchedule(CurrentUser user, String file) {
		requireAdministrator(user);
		return plan(file);
	}

	/**
	 * Imports a schedule file into the national schedule, all or nothing: with any problem
	 * nothing is saved and the problems are returned.
	 */
	@Transactional
	public ScheduleImport importSchedule(CurrentUser user, String file) {
		requireAdministrator(user);
		ScheduleImport plan = plan(file);
		if (!plan.importable()) {
			return plan;
		}
		int added = calendars.addNational(plan.lines()
			.stream()
			.filter(line -> !line.present())
			.map(line -> new CalendarException(line.date(), line.kind(), line.name(), true))
			.toList());
		forgetAfterCommit();
		return new ScheduleImport(plan.lines(), plan.problems(), added);
	}

	private ScheduleImport plan(String file) {
		HolidayFile.Parsed parsed = HolidayFile.parse(file == null ? "" : file);
		Map<LocalDate, CalendarException> national = new LinkedHashMap<>();
		calendars.national().forEach(e -> national.put(e.date(), e));
		List<ScheduleProblem> problems = new ArrayList<>(parsed.problems());
		List<ScheduleImport.Line> lines = new ArrayList<>();
		for (HolidayFile.Line line : parsed.lines()) {
			CalendarException known = national.get(line.date());
			if (known != null && known.kind() != line.kind()) {
				problems.add(new ScheduleProblem(line.number(), line.date() + " 在国家放假安排中已是" + label(known.kind())
						+ "，不能同时是" + label(line.kind())));
				continue;
			}
			String warning = line.makeupOnWeekday() ? "调休上班日落在周一至周五，本来就是工作日" : null;
			lines.add(new ScheduleImport.Line(line.number(), line.date(), line.kind(), line.name(), known != null, warning));
		}
		problems.sort(java.util.Comparator.comparingInt(ScheduleProblem::line));
		return new ScheduleImport(lines, problems, 0);
	}

	private CalendarSummary summary(long id) {
		return calendars.find(id).orElseThrow(() -> new NotFoundException("没有找到该工作日历"));
	}

	private static void checkMakeupWeekday(DayOfWeek makeup, WeeklyHours hours) {
		if (!hours.works(makeup)) {
			throw new InvalidInputException("makeupWeekday", "调休上班按" + WorkingPeriod.dayName(makeup) + "的工作时间计算，但"
					+ WorkingPeriod.dayName(makeup) + "没有工作时段");
		}
	}

	private static String checkedName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "请填写日历名称");
		}
		if (name.strip().length() > 30) {
			throw new InvalidInputException("name", "日历名称不能超过 30 个字");
		}
		return name.strip();
	}

	private static String label(CalendarExceptionKind kind) {
		return kind == CalendarExceptionKind.HOLIDAY ? "法定节假日" : "调休上班日";
	}

	private static void requireAdministrator(CurrentUser user) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("administrator");
		}
	}

	private <K, V> V cached(Map<K, Cached<V>> cache, K key, Supplier<V> loader) {
		Instant now = clock.instant();
		Cached<V> entry = cache.get(key);
		if (entry == null || entry.loadedAt().plus(CACHE_TIME).isBefore(now)) {
			long before = generation.get();
			entry = new Cached<>(loader.get(), now);
			if (generation.get() == before) {
				cache.put(key, entry);
			}
		}
		return entry.value();
	}

	/** Empties the caches once the change is committed (at once outside a transaction). */
	private void forgetAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget();
					events.publishEvent(new CalendarsChanged(clock.instant()));
				}
			});
		}
		else {
			forget();
			events.publishEvent(new CalendarsChanged(clock.instant()));
		}
	}

	private void forget() {
		generation.incrementAndGet();
		models.clear();
		siteCalendars.clear();
	}

	private record Cached<V>(V value, Instant loadedAt) {
	}
}
