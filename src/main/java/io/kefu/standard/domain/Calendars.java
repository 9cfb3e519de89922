package io.kefu.standard.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.standard.CalendarException;
import io.kefu.standard.CalendarExceptionKind;
import io.kefu.standard.CalendarModel;
import io.kefu.standard.CalendarSummary;
import io.kefu.standard.HoursVersion;
import io.kefu.standard.WeeklyHours;
import io.kefu.standard.WorkingPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The calendars' tables. */
@Component
public class Calendars {

	private static final String SUMMARY = """
			select c.id, c.name, c.always_open, c.follows_national_holidays, c.makeup_weekday, c.is_default, c.version,
			       (select count(*) from standard.site_calendar s where s.calendar_id = c.id) as sites
			from standard.business_calendar c""";

	private final JdbcClient jdbc;

	Calendars(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<CalendarSummary> all() {
		return jdbc.sql(SUMMARY + " order by c.is_default desc, c.name").query(Calendars::summary).list();
	}

	public Optional<CalendarSummary> find(long id) {
		return jdbc.sql(SUMMARY + " where c.id = :id").param("id", id).query(Calendars::summary).optional();
	}

	public long insert(String name, boolean alwaysOpen, boolean followsNational, DayOfWeek makeupWeekday) {
		return jdbc.sql("""
				insert into standard.business_calendar (name, always_open, follows_national_holidays, makeup_weekday)
				values (:name, :open, :national, :makeup) returning id""")
			.param("name", name)
			.param("open", alwaysOpen)
			.param("national", followsNational)
			.param("makeup", makeupWeekday.getValue())
			.query(Long.class)
			.single();
	}

	/** Changes the settings if the row is still at {@code version}; false when someone changed it first. */
	public boolean update(long id, int version, String name, boolean followsNational, DayOfWeek makeupWeekday) {
		return jdbc.sql("""
				update standard.business_calendar
				set name = :name, follows_national_holidays = :national, makeup_weekday = :makeup, version = version + 1
				where id = :id and version = :version""")
			.param("id", id)
			.param("version", version)
			.param("name", name)
			.param("national", followsNational)
			.param("makeup", makeupWeekday.getValue())
			.update() == 1;
	}

	public void makeDefault(long id) {
		jdbc.sql("update standard.business_calendar set is_default = false, version = version + 1 where is_default and id <> :id")
			.param("id", id)
			.update();
		jdbc.sql("update standard.business_calendar set is_default = true, version = version + 1 where id = :id and not is_default")
			.param("id", id)
			.update();
	}

	public long defaultId() {
		return jdbc.sql("select id from standard.business_calendar where is_default").query(Long.class).single();
	}

	/** Stores a version of the hours; one that takes effect on the same date is replaced. */
	public void putHours(long calendarId, LocalDate effectiveFrom, WeeklyHours hours, Instant at, String by) {
		jdbc.sql("delete from standard.hours_version where calendar_id = :calendar and effective_from = :from")
			.param("calendar", calendarId)
			.param("from", effectiveFrom)
			.update();
		long versionId = jdbc.sql("""
				insert into standard.hours_version (calendar_id, effective_from, created_at, created_by)
				values (:calendar, :from, :at, :by) returning id""")
			.param("calendar", calendarId)
			.param("from", effectiveFrom)
			.param("at", OffsetDateTime.ofInstant(at, ZoneId.of("UTC")))
			.param("by", by)
			.query(Long.class)
			.single();
		for (WorkingPeriod period : hours.periods()) {
			jdbc.sql("""
					insert into standard.working_period (version_id, weekday, start_minute, end_minute)
					values (:version, :weekday, :start, :end)""")
				.param("version", versionId)
				.param("weekday", period.weekday().getValue())
				.param("start", period.startMinute())
				.param("end", period.endMinute())
				.update();
		}
	}

	/** The versions of a calendar's hours, newest first. */
	public List<HoursVersion> versions(long calendarId) {
		Map<Long, VersionRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				select v.id, v.effective_from, v.created_at, v.created_by, p.weekday, p.start_minute, p.end_minute
				from standard.hours_version v left join standard.working_period p on p.version_id = v.id
				where v.calendar_id = :calendar order by v.effective_from desc, p.weekday, p.start_minute""")
			.param("calendar", calendarId)
			.query(rs -> {
				VersionRow row = rows.get(rs.getLong("id"));
				if (row == null) {
					row = new VersionRow(rs.getObject("effective_from", LocalDate.class),
							rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
							new ArrayList<>());
					rows.put(rs.getLong("id"), row);
				}
				if (rs.getObject("weekday") != null) {
					row.periods().add(new WorkingPeriod(DayOfWeek.of(rs.getInt("weekday")), rs.getInt("start_minute"),
							rs.getInt("end_minute")));
				}
			});
		return rows.values()
			.stream()
			.map(row -> new HoursVersion(row.effectiveFrom(), new WeeklyHours(row.periods()), row.createdAt(), row.createdBy()))
			.toList();
	}

	public List<CalendarException> own(long calendarId) {
		return jdbc.sql("select day, kind, name from standard.calendar_exception where calendar_id = :calendar order by day")
			.param("calendar", calendarId)
			.query((rs, n) -> exception(rs, false))
			.list();
	}

	public List<CalendarException> national() {
		return jdbc.sql("select day, kind, name from standard.national_exception order by day")
			.query((rs, n) -> exception(rs, true))
			.list();
	}

	public Optional<CalendarException> national(LocalDate day) {
		return jdbc.sql("select day, kind, name from standard.national_exception where day = :day")
			.param("day", day)
			.query((rs, n) -> exception(rs, true))
			.optional();
	}

	/** Adds national exceptions; dates already in the schedule are left as they are. */
	public int addNational(Collection<CalendarException> exceptions) {
		int added = 0;
		for (CalendarException exception : exceptions) {
			added += jdbc.sql("""
					insert into standard.national_exception (day, kind, name) values (:day, :kind, :name)
					on conflict (day) do nothing""")
				.param("day", exception.date())
				.param("kind", exception.kind().name())
				.param("name", exception.name())
				.update();
		}
		return added;
	}

	public void putOwn(long calendarId, CalendarException exception) {
		jdbc.sql("""
				insert into standard.calendar_exception (calendar_id, day, kind, name) values (:calendar, :day, :kind, :name)
				on conflict (calendar_id, day) do update set kind = excluded.kind, name = excluded.name""")
			.param("calendar", calendarId)
			.param("day", exception.date())
			.param("kind", exception.kind().name())
			.param("name", exception.name())
			.update();
	}

	public boolean removeOwn(long calendarId, LocalDate day) {
		return jdbc.sql("delete from standard.calendar_exception where calendar_id = :calendar and day = :day")
			.param("calendar", calendarId)
			.param("day", day)
			.update() == 1;
	}

	public Optional<Long> calendarOfSite(long siteId) {
		return jdbc.sql("select calendar_id from standard.site_calendar where site_id = :site")
			.param("site", siteId)
			.query(Long.class)
			.optional();
	}

	public Map<Long, Long> assignments(Long[] sites) {
		Map<Long, Long> result = new LinkedHashMap<>();
		jdbc.sql("select site_id, calendar_id from standard.site_calendar where site_id = any(:sites)")
			.param("sites", sites)
			.query(rs -> {
				result.put(rs.getLong("site_id"), rs.getLong("calendar_id"));
			});
		return result;
	}

	public List<Long> sitesOf(long calendarId) {
		return jdbc.sql("select site_id from standard.site_calendar where calendar_id = :calendar order by site_id")
			.param("calendar", calendarId)
			.query(Long.class)
			.list();
	}

	/** Assigns the calendar to the site; {@code null} returns the site to the default calendar. */
	public void assign(long siteId, Long calendarId) {
		if (calendarId == null) {
			jdbc.sql("delete from standard.site_calendar where site_id = :site").param("site", siteId).update();
			return;
		}
		jdbc.sql("""
				insert into standard.site_calendar (site_id, calendar_id) values (:site, :calendar)
				on conflict (site_id) do update set calendar_id = excluded.calendar_id""")
			.param("site", siteId)
			.param("calendar", calendarId)
			.update();
	}

	/** The calendar as the engine needs it: its hours versions and the exceptions that apply to it. */
	public Optional<CalendarModel> model(long id, ZoneId zone) {
		return find(id).map(calendar -> {
			if (calendar.alwaysOpen()) {
				return CalendarModel.alwaysOpen(id, calendar.name(), zone);
			}
			Map<LocalDate, WeeklyHours> versions = new LinkedHashMap<>();
			versions(id).forEach(version -> versions.put(version.effectiveFrom(), version.hours()));
			Map<LocalDate, CalendarException> exceptions = new LinkedHashMap<>();
			if (calendar.followsNationalHolidays()) {
				national().forEach(exception -> exceptions.put(exception.date(), exception));
			}
			own(id).forEach(exception -> exceptions.put(exception.date(), exception));
			return CalendarModel.weekly(id, calendar.name(), zone, calendar.makeupWeekday(), versions, exceptions.values());
		});
	}

	private static CalendarSummary summary(ResultSet rs, int row) throws SQLException {
		return new CalendarSummary(rs.getLong("id"), rs.getString("name"), rs.getBoolean("always_open"),
				rs.getBoolean("follows_national_holidays"), DayOfWeek.of(rs.getInt("makeup_weekday")),
				rs.getBoolean("is_default"), rs.getInt("version"), rs.getInt("sites"));
	}

	private static CalendarException exception(ResultSet rs, boolean national) throws SQLException {
		return new CalendarException(rs.getObject("day", LocalDate.class),
				CalendarExceptionKind.valueOf(rs.getString("kind")), rs.getString("name"), national);
	}

	private record VersionRow(LocalDate effectiveFrom, Instant createdAt, String createdBy, List<WorkingPeriod> periods) {
	}
}
