package io.kefu.survey.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;
import io.kefu.survey.ActionStatus;
import io.kefu.survey.ImprovementActionSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Improvement actions (整改) of the waves. Every read takes the caller's sites as its scope. */
@Component
public class ImprovementActions {

	public static final int LIST_LIMIT = 200;

	private static final String SELECT = """
			select a.id, a.wave_id, w.name as wave_name, a.site_id, a.what, a.owner_id, a.owner_name, a.due_date,
			       a.status, a.verification_note, a.done_at, a.verified_at, a.verified_by, a.version
			from survey.improvement_action a join survey.wave w on w.id = a.wave_id
			""";

	private final JdbcClient jdbc;

	ImprovementActions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long create(long waveId, long siteId, String what, long ownerId, String ownerName, LocalDate due,
			Instant at) {
		return jdbc.sql("""
				insert into survey.improvement_action (wave_id, site_id, what, owner_id, owner_name, due_date, status, created_at)
				values (:wave, :site, :what, :owner, :ownerName, :due, 'OPEN', :at) returning id""")
			.param("wave", waveId)
			.param("site", siteId)
			.param("what", what)
			.param("owner", ownerId)
			.param("ownerName", ownerName)
			.param("due", due)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	public ImprovementActionSummary get(Long[] sites, long id, LocalDate today) {
		return jdbc.sql(SELECT + " where a.id = :id and a.site_id = any(:sites)")
			.param("id", id)
			.param("sites", sites)
			.query((rs, n) -> row(rs, today))
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该整改项"));
	}

	public List<ImprovementActionSummary> ofWave(long waveId, LocalDate today) {
		return jdbc.sql(SELECT + " where a.wave_id = :wave order by a.due_date, a.id limit :limit")
			.param("wave", waveId)
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> row(rs, today))
			.list();
	}

	/** The actions not verified yet at the sites, those due first; only the overdue ones when asked. */
	public List<ImprovementActionSummary> pending(Long[] sites, boolean overdueOnly, LocalDate today) {
		return jdbc.sql(SELECT + """
				where a.site_id = any(:sites) and a.status <> 'VERIFIED'
				  and (not :overdueOnly or (a.status = 'OPEN' and a.due_date < :today))
				order by a.due_date, a.id limit :limit""")
			.param("sites", sites)
			.param("overdueOnly", overdueOnly)
			.param("today", today)
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> row(rs, today))
			.list();
	}

	/** Moves the action on, unless someone changed it since {@code expectedVersion} was read. */
	public void change(long id, int expectedVersion, ActionStatus from, ActionStatus to, String note, String by,
			Instant at) {
		int updated = jdbc.sql("""
				update survey.improvement_action
				set status = :to, version = version + 1,
				    done_at = case when :to = 'DONE' then :at else done_at end,
				    verified_at = case when :to = 'VERIFIED' then :at else verified_at end,
				    verified_by = case when :to = 'VERIFIED' then :by else verified_by end,
				    verification_note = coalesce(:note, verification_note)
				where id = :id and version = :version and status = :from""")
			.param("id", id)
			.param("version", expectedVersion)
			.param("from", from.name())
			.param("to", to.name())
			.param("note", note)
			.param("by", by)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
		if (updated != 1) {
			throw new StaleDataException();
		}
	}

	private static ImprovementActionSummary row(ResultSet rs, LocalDate today) throws SQLException {
		ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		return new ImprovementActionSummary(rs.getLong("id"), rs.getLong("wave_id"), rs.getString("wave_name"),
				rs.getLong("site_id"), rs.getString("what"), rs.getLong("owner_id"), rs.getString("owner_name"), due,
				status, rs.getString("verification_note"), instant(rs, "done_at"), instant(rs, "verified_at"),
				rs.getString("verified_by"), status == ActionStatus.OPEN && due.isBefore(today), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
