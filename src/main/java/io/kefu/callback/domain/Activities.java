package io.kefu.callback.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.kefu.callback.ActivityCallback;
import io.kefu.callback.ActivityCallbackState;
import io.kefu.callback.ActivitySummary;
import io.kefu.directory.RoomSummary;
import io.kefu.shared.Satisfaction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The community activities' rows, always read within the caller's sites. */
@Component
public class Activities {

	private static final String SUMMARY = """
			select a.id, a.site_id, a.name, a.held_on,
			       count(p.household_id) as participants,
			       count(*) filter (where p.sampled) as sampled,
			       count(*) filter (where p.sampled and p.state = 'COMPLETED') as reached,
			       count(*) filter (where p.sampled and p.satisfaction in ('VERY_SATISFIED', 'SATISFIED')) as satisfied,
			       count(*) filter (where p.sampled and p.state = 'UNREACHABLE') as unreachable
			from callback.activity a join callback.activity_participant p on p.activity_id = a.id
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Activities(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The activity and its participants, {@code sampled} those to call back. */
	public long insert(long siteId, String name, LocalDate heldOn, BigDecimal share, long seed, long createdBy,
			Instant now, List<RoomSummary> participants, List<Long> sampled) {
		long id = jdbc.sql("""
				insert into callback.activity (site_id, name, held_on, share, seed, created_by, created_at)
				values (:site, :name, :heldOn, :share, :seed, :by, :now) returning id""")
			.param("site", siteId)
			.param("name", name)
			.param("heldOn", heldOn)
			.param("share", share)
			.param("seed", seed)
			.param("by", createdBy)
			.param("now", Callbacks.offset(now))
			.query(Long.class)
			.single();
		template.batchUpdate("""
				insert into callback.activity_participant (activity_id, household_id, household_name, room_code, sampled)
				values (?, ?, ?, ?, ?)""", participants.stream()
			.map(room -> new Object[] { id, room.householdId(), room.householdName(), room.code(),
					sampled.contains(room.householdId()) })
			.toList());
		return id;
	}

	/** The activities of the sites, the latest first. */
	public List<ActivitySummary> list(Long[] sites, int limit) {
		return jdbc.sql(SUMMARY + " where a.site_id = any(:sites) group by a.id order by a.held_on desc, a.id desc limit :limit")
			.param("sites", sites)
			.param("limit", limit)
			.query((rs, n) -> summary(rs))
			.list();
	}

	public Optional<ActivitySummary> find(long id, Long[] sites) {
		return jdbc.sql(SUMMARY + " where a.id = :id and a.site_id = any(:sites) group by a.id")
			.param("id", id)
			.param("sites", sites)
			.query((rs, n) -> summary(rs))
			.optional();
	}

	/** The sampled participants' callbacks, by room; {@code phones} is filled in by the caller. */
	public List<ActivityCallback> callbacks(long activityId) {
		return jdbc.sql("""
				select * from callback.activity_participant where activity_id = :activity and sampled order by room_code""")
			.param("activity", activityId)
			.query((rs, n) -> new ActivityCallback(rs.getLong("household_id"), rs.getString("household_name"),
					rs.getString("room_code"), null, ActivityCallbackState.valueOf(rs.getString("state")),
					rs.getInt("failed_attempts"), satisfaction(rs), rs.getString("comment"), rs.getString("called_by_name"),
					Callbacks.instant(rs, "called_at"), rs.getInt("version")))
			.list();
	}

	/**
	 * Records a call over the version that was read; false when the callback changed since
	 * (or was never open at that version).
	 */
	public boolean record(long activityId, long householdId, int version, ActivityCallbackState state,
			int failedAttempts, Satisfaction satisfaction, String comment, String calledBy, Instant now) {
		return jdbc.sql("""
				update callback.activity_participant
				set state = :state, failed_attempts = :failed, satisfaction = :satisfaction, comment = :comment,
				    called_by_name = :by, called_at = :now, version = version + 1
				where activity_id = :activity and household_id = :household and sampled and state = 'OPEN'
				  and version = :version""")
			.param("state", state.name())
			.param("failed", failedAttempts)
			.param("satisfaction", satisfaction == null ? null : satisfaction.name())
			.param("comment", comment)
			.param("by", calledBy)
			.param("now", Callbacks.offset(now))
			.param("activity", activityId)
			.param("household", householdId)
			.param("version", version)
			.update() == 1;
	}

	private static ActivitySummary summary(ResultSet rs) throws SQLException {
		return new ActivitySummary(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"),
				rs.getObject("held_on", LocalDate.class), rs.getInt("participants"), rs.getInt("sampled"),
				rs.getInt("reached"), rs.getInt("satisfied"), rs.getInt("unreachable"));
	}

	private static Satisfaction satisfaction(ResultSet rs) throws SQLException {
		String value = rs.getString("satisfaction");
		return value == null ? null : Satisfaction.valueOf(value);
	}
}
