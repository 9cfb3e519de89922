package io.kefu.standard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A business calendar loaded into memory, immutable and safe to share between threads:
 * the versions of its weekly hours by the date each takes effect, and its dated
 * exceptions (the national schedule when the calendar follows it, and its own). Every
 * computation walks days in memory; nothing here touches the database.
 * <p>
 * A holiday has no working time. A make-up working day (调休上班) has the hours of the
 * calendar's make-up weekday (Monday unless set otherwise) and is never a holiday. A
 * 24-hour calendar has every instant as working time and no exceptions.
 */
public final class CalendarModel {

	private static final long NANOS_PER_MINUTE = 60_000_000_000L;

	private static final int[] ALL_DAY = { 0, 1440 };

	private static final int[] NONE = {};

	/** The farthest a computation looks ahead for working time before giving up. */
	private static final int MAX_DAYS = 366 * 12;

	private final long id;

	private final String name;

	private final ZoneId zone;

	private final boolean alwaysOpen;

	private final DayOfWeek makeupWeekday;

	private final NavigableMap<LocalDate, WeeklyHours> versions;

	private final Map<LocalDate, CalendarException> exceptions;

	private CalendarModel(long id, String name, ZoneId zone, boolean alwaysOpen, DayOfWeek makeupWeekday,
			Map<LocalDate, WeeklyHours> versions, Collection<CalendarException> exceptions) {
		this.id = id;
		this.name = name;
		this.zone = zone;
		this.alwaysOpen = alwaysOpen;
		this.makeupWeekday = makeupWeekday;
		this.versions = new TreeMap<>(versions);
		Map<LocalDate, CalendarException> byDate = new HashMap<>();
		exceptions.forEach(e -> byDate.put(e.date(), e));
		this.exceptions = Map.copyOf(byDate);
	}

	/** A calendar where every instant is working time (the 24-hour repair hotline). */
	public static CalendarModel alwaysOpen(long id, String name, ZoneId zone) {
		return new CalendarModel(id, name, zone, true, DayOfWeek.MONDAY, Map.of(), List.of());
	}

	/**
	 * A calendar of weekly hours; {@code versions} maps the date each version takes effect
	 * to its hours (the earliest also applies to days before it), {@code exceptions} holds
	 * at most one exception per date.
	 */
	public static CalendarModel weekly(long id, String name, ZoneId zone, DayOfWeek makeupWeekday,
			Map<LocalDate, WeeklyHours> versions, Collection<CalendarException> exceptions) {
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("a weekly calendar needs hours");
		}
		return new CalendarModel(id, name, zone, false, makeupWeekday, versions, exceptions);
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public ZoneId zone() {
		return zone;
	}

	public boolean isAlwaysOpen() {
		return alwaysOpen;
	}

	/** The due time of {@code target} started at {@code start}. */
	public Instant due(Instant start, Target target) {
		return compute(start, target, null);
	}

	/** The due time of {@code target} started at {@code start}, with the steps that explain it. */
	public DueTime explain(Instant start, Target target) {
		List<DueStep> steps = new ArrayList<>();
		Instant due = compute(start, target, new Explanation(steps));
		return new DueTime(start, target, due, steps);
	}

	private Instant compute(Instant start, Target target, Explanation explanation) {
		TargetUnit unit = target.unit();
		if (!unit.business() || alwaysOpen) {
			Instant due = unit.days() ? start.atZone(zone).plusDays(target.amount()).toInstant()
					: start.plus(target.duration());
			if (explanation != null) {
				explanation.calendarTime(date(start), date(due), Duration.between(start, due));
			}
			return due;
		}
		return unit.days() ? addBusinessDays(start, Math.toIntExact(target.amount()), explanation)
				: addBusinessTime(start, target.duration(), explanation);
	}

	/** {@code start} plus {@code target} of working time. */
	public Instant addBusinessTime(Instant start, Duration target) {
		return addBusinessTime(start, target, null);
	}

	private Instant addBusinessTime(Instant start, Duration target, Explanation explanation) {
		if (target.isNegative()) {
			throw new IllegalArgumentException("negative target " + target);
		}
		if (target.isZero()) {
			return start;
		}
		if (alwaysOpen) {
			return start.plus(target);
		}
		LocalDateTime local = LocalDateTime.ofInstant(start, zone);
		LocalDate day = local.toLocalDate();
		long position = local.toLocalTime().toNanoOfDay();
		long remaining = target.toNanos();
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1), position = 0) {
			int[] minutes = minutesOn(day);
			List<String> times = explanation == null ? null : new ArrayList<>();
			long counted = 0;
			for (int k = 0; k < minutes.length; k += 2) {
				long periodEnd = minutes[k + 1] * NANOS_PER_MINUTE;
				if (position >= periodEnd) {
					continue;
				}
				long from = Math.max(position, minutes[k] * NANOS_PER_MINUTE);
				long until = remaining <= periodEnd - from ? from + remaining : periodEnd;
				remaining -= until - from;
				counted += until - from;
				if (times != null) {
					times.add(clock(from) + "–" + clock(until));
				}
				if (remaining == 0) {
					if (explanation != null) {
						explanation.worked(day, times, counted);
					}
					return instant(day, until);
				}
			}
			if (explanation != null) {
				explanation.day(day, times, counted);
			}
		}
		throw new IllegalStateException("calendar " + id + " has no working time within " + MAX_DAYS + " days");
	}

	/**
	 * The same clock time as {@code start} on the {@code days}-th working day after the
	 * day of {@code start}, moved into that day's working hours: before opening it is the
	 * opening, after closing the closing, in a break the end of the period before it.
	 */
	public Instant addBusinessDays(Instant start, int days) {
		return addBusinessDays(start, days, null);
	}

	private Instant addBusinessDays(Instant start, int days, Explanation explanation) {
		if (days < 0) {
			throw new IllegalArgumentException("negative days " + days);
		}
		if (days == 0) {
			return start;
		}
		if (alwaysOpen) {
			return start.atZone(zone).plusDays(days).toInstant();
		}
		LocalDateTime local = LocalDateTime.ofInstant(start, zone);
		long position = local.toLocalTime().toNanoOfDay();
		LocalDate day = local.toLocalDate();
		int found = 0;
		for (int i = 0; i < MAX_DAYS; i++) {
			day = day.plusDays(1);
			int[] minutes = minutesOn(day);
			if (minutes.length == 0) {
				if (explanation != null) {
					explanation.day(day, List.of(), 0);
				}
				continue;
			}
			found++;
			if (explanation != null) {
				explanation.workingDay(day, found);
			}
			if (found == days) {
				long clamped = clamp(minutes, position);
				if (explanation != null && clamped != position) {
					explanation.clamped(day, clock(clamped));
				}
				return instant(day, clamped);
			}
		}
		throw new IllegalStateException("calendar " + id + " has no working day within " + MAX_DAYS + " days");
	}

	private static long clamp(int[] minutes, long position) {
		long result = minutes[0] * NANOS_PER_MINUTE;
		for (int k = 0; k < minutes.length; k += 2) {
			long start = minutes[k] * NANOS_PER_MINUTE;
			long end = minutes[k + 1] * NANOS_PER_MINUTE;
			if (position >= end) {
				result = end;
			}
			else if (position >= start) {
				return position;
			}
		}
		return result;
	}

	/**
	 * The working time from {@code from} to {@code to}; negative when {@code to} comes
	 * first. For {@code d > 0}, {@code businessTimeBetween(s, addBusinessTime(s, d))} is
	 * {@code d}.
	 */
	public Duration businessTimeBetween(Instant from, Instant to) {
		if (to.isBefore(from)) {
			return businessTimeBetween(to, from).negated();
		}
		if (alwaysOpen) {
			return Duration.between(from, to);
		}
		LocalDateTime a = LocalDateTime.ofInstant(from, zone);
		LocalDateTime b = LocalDateTime.ofInstant(to, zone);
		LocalDate last = b.toLocalDate();
		long position = a.toLocalTime().toNanoOfDay();
		long total = 0;
		for (LocalDate day = a.toLocalDate(); !day.isAfter(last); day = day.plusDays(1), position = 0) {
			long limit = day.equals(last) ? b.toLocalTime().toNanoOfDay() : Long.MAX_VALUE;
			int[] minutes = minutesOn(day);
			for (int k = 0; k < minutes.length; k += 2) {
				long start = Math.max(position, minutes[k] * NANOS_PER_MINUTE);
				long end = Math.min(limit, minutes[k + 1] * NANOS_PER_MINUTE);
				if (end > start) {
					total += end - start;
				}
			}
		}
		return Duration.ofNanos(total);
	}

	public boolean isWorkingTime(Instant instant) {
		if (alwaysOpen) {
			return true;
		}
		LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
		long position = local.toLocalTime().toNanoOfDay();
		int[] minutes = minutesOn(local.toLocalDate());
		for (int k = 0; k < minutes.length; k += 2) {
			if (position >= minutes[k] * NANOS_PER_MINUTE && position < minutes[k + 1] * NANOS_PER_MINUTE) {
				return true;
			}
		}
		return false;
	}

	/** The opening of the first working day after the day of {@code instant}. */
	public Instant nextWorkingDayStart(Instant instant) {
		LocalDate day = date(instant);
		for (int i = 0; i < MAX_DAYS; i++) {
			day = day.plusDays(1);
			int[] minutes = minutesOn(day);
			if (minutes.length > 0) {
				return instant(day, minutes[0] * NANOS_PER_MINUTE);
			}
		}
		throw new IllegalStateException("calendar " + id + " has no working day within " + MAX_DAYS + " days");
	}

	/** {@code instant} itself when it is working time, else the next moment that is. */
	public Instant nextWorkingTime(Instant instant) {
		if (isWorkingTime(instant)) {
			return instant;
		}
		LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
		long position = local.toLocalTime().toNanoOfDay();
		int[] minutes = minutesOn(local.toLocalDate());
		for (int k = 0; k < minutes.length; k += 2) {
			if (minutes[k] * NANOS_PER_MINUTE > position) {
				return instant(local.toLocalDate(), minutes[k] * NANOS_PER_MINUTE);
			}
		}
		return nextWorkingDayStart(instant);
	}

	/** Whether the day has any working time. */
	public boolean isWorkingDay(LocalDate date) {
		return minutesOn(date).length > 0;
	}

	/** The day's working periods as {@code 08:30–12:00}. */
	public List<String> periodsOn(LocalDate date) {
		int[] minutes = minutesOn(date);
		List<String> periods = new ArrayList<>();
		for (int k = 0; k < minutes.length; k += 2) {
			periods.add(WorkingPeriod.clock(minutes[k]) + "–" + WorkingPeriod.clock(minutes[k + 1]));
		}
		return periods;
	}

	/** The exception that applies on the date, if any (never for a 24-hour calendar). */
	public Optional<CalendarException> exceptionOn(LocalDate date) {
		return alwaysOpen ? Optional.empty() : Optional.ofNullable(exceptions.get(date));
	}

	/** The weekly hours in effect on the date; none for a 24-hour calendar. */
	public Optional<WeeklyHours> hoursOn(LocalDate date) {
		if (alwaysOpen) {
			return Optional.empty();
		}
		Map.Entry<LocalDate, WeeklyHours> version = versions.floorEntry(date);
		return Optional.of(version != null ? version.getValue() : versions.firstEntry().getValue());
	}

	private int[] minutesOn(LocalDate date) {
		if (alwaysOpen) {
			return ALL_DAY;
		}
		Map.Entry<LocalDate, WeeklyHours> version = versions.floorEntry(date);
		WeeklyHours hours = version != null ? version.getValue() : versions.firstEntry().getValue();
		CalendarException exception = exceptions.get(date);
		if (exception == null) {
			return hours.minutesOf(date.getDayOfWeek());
		}
		return exception.isHoliday() ? NONE : hours.minutesOf(makeupWeekday);
	}

	private LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	private Instant instant(LocalDate day, long nanoOfDay) {
		return ZonedDateTime.of(day.atStartOfDay().plusNanos(nanoOfDay), zone).toInstant();
	}

	private static String clock(long nanoOfDay) {
		return WorkingPeriod.clock((int) (nanoOfDay / NANOS_PER_MINUTE));
	}

	/** Collects the steps of one computation, joining runs of holidays and of days off. */
	private final class Explanation {

		private final List<DueStep> steps;

		Explanation(List<DueStep> steps) {
			this.steps = steps;
		}

		void calendarTime(LocalDate from, LocalDate to, Duration counted) {
			steps.add(new DueStep(DueStep.Kind.CALENDAR_TIME, from, to, List.of(), counted, 0, null));
		}

		void worked(LocalDate day, List<String> times, long nanos) {
			steps.add(new DueStep(DueStep.Kind.WORKED, day, day, times, Duration.ofNanos(nanos), 0, makeupName(day)));
		}

		void workingDay(LocalDate day, int number) {
			steps.add(new DueStep(DueStep.Kind.WORKING_DAY, day, day, periodsOn(day), Duration.ZERO, number,
					makeupName(day)));
		}

		void clamped(LocalDate day, String time) {
			steps.add(new DueStep(DueStep.Kind.CLAMPED, day, day, List.of(time), Duration.ZERO, 0, null));
		}

		/** A day passed: working time counted on it, or nothing (holiday, day off, after hours). */
		void day(LocalDate day, List<String> times, long nanos) {
			if (nanos > 0) {
				worked(day, times, nanos);
				return;
			}
			if (isWorkingDay(day)) {
				return;
			}
			CalendarException exception = exceptions.get(day);
			DueStep.Kind kind = exception != null && exception.isHoliday() ? DueStep.Kind.HOLIDAY : DueStep.Kind.DAY_OFF;
			String name = kind == DueStep.Kind.HOLIDAY ? exception.name() : null;
			if (!steps.isEmpty()) {
				DueStep last = steps.get(steps.size() - 1);
				if (last.kind() == kind && last.to().plusDays(1).equals(day) && java.util.Objects.equals(last.name(), name)) {
					steps.set(steps.size() - 1, new DueStep(kind, last.from(), day, List.of(), Duration.ZERO, 0, name));
					return;
				}
			}
			steps.add(new DueStep(kind, day, day, List.of(), Duration.ZERO, 0, name));
		}

		private String makeupName(LocalDate day) {
			CalendarException exception = exceptions.get(day);
			return exception != null && !exception.isHoliday() ? exception.name() : null;
		}
	}
}
