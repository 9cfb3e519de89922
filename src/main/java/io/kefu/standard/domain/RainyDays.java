package io.kefu.standard.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.kefu.security.CurrentUser;
import io.kefu.standard.RainyDay;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rainy-day register of the sites. */
@Component
public class RainyDays {

	private static final String COLUMNS = "id, site_id, day, recorded_by_name, recorded_at, removed_by_name, removed_at";

	private static final String SELECT = "select " + COLUMNS + " from standard.rainy_day";

	private final JdbcClient jdbc;

	RainyDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the day unless it is recorded already; empty when it was. */
	public Optional<RainyDay> record(long siteId, LocalDate day, CurrentUser user, Instant at) {
		return change("""
				insert into standard.rainy_day (site_id, day, recorded_by, recorded_by_name, recorded_at)
				values (:site, :day, :by, :name, :at)
				on conflict (site_id, day) where removed_at is null do nothing
				returning\s""" + COLUMNS, user, at)
			.param("site", siteId)
			.param("day", day)
			.query(RainyDays::row)
			.optional();
	}

	public Optional<RainyDay> active(long siteId, LocalDate day) {
		return jdbc.sql(SELECT + " where site_id = :site and day = :day and removed_at is null")
			.param("site", siteId)
			.param("day", day)
			.query(RainyDays::row)
			.optional();
	}

	/** Marks the entry removed; empty when there is no such entry at the site or it was removed already. */
	public Optional<RainyDay> remove(long siteId, long id, CurrentUser user, Instant at) {
		return change("""
				update standard.rainy_day set removed_by = :by, removed_by_name = :name, removed_at = :at
				where id = :id and site_id = :site and removed_at is null
				returning\s""" + COLUMNS, user, at)
			.param("id", id)
			.param("site", siteId)
			.query(RainyDays::row)
			.optional();
	}

	/** A statement that writes who ({@code :by}, {@code :name}) did it when ({@code :at}). */
	private JdbcClient.StatementSpec change(String sql, CurrentUser user, Instant at) {
		return jdbc.sql(sql)
			.param("by", user.accountId())
			.param("name", user.displayName())
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
	}

	/** The latest entries of a site, removed ones included, newest day first. */
	public List<RainyDay> recent(long siteId, int limit) {
		return jdbc.sql(SELECT + " where site_id = :site order by day desc, id desc limit :limit")
			.param("site", siteId)
			.param("limit", limit)
			.query(RainyDays::row)
			.list();
	}

	public Optional<LocalDate> firstOnOrAfter(long siteId, LocalDate day) {
		return jdbc.sql("""
				select min(day) from standard.rainy_day where site_id = :site and day >= :day and removed_at is null""")
			.param("site", siteId)
			.param("day", day)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional();
	}

	private static RainyDay row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime removedAt = rs.getObject("removed_at", OffsetDateTime.class);
		return new RainyDay(rs.getLong("id"), rs.getLong("site_id"), rs.getObject("day", LocalDate.class),
				rs.getString("recorded_by_name"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
				rs.getString("removed_by_name"), removedAt == null ? null : removedAt.toInstant());
	}
}
