package io.kefu.callback.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.kefu.callback.CallbackAttempt;
import io.kefu.callback.CallbackMethod;
import io.kefu.callback.CallbackResult;
import io.kefu.callback.CallbackState;
import io.kefu.request.RequestSnapshot;
import io.kefu.shared.StaleDataException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The callbacks' rows: loaded within the caller's sites, saved only over the version that was read. */
@Component
public class Callbacks {

	/** Tells the advisory locks of this module apart from any other's. */
	private static final int LOCK_SPACE = 0x43424b;

	private final JdbcClient jdbc;

	Callbacks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises the work on one request's callback: its creation reads the callback clock
	 * while a rainy day may be starting that clock, and neither may miss the other.
	 */
	public void lock(long requestId) {
		jdbc.sql("select pg_advisory_xact_lock(:space, cast(:request % 2147483647 as integer))")
			.param("space", LOCK_SPACE)
			.param("request", requestId)
			.query((rs, n) -> 0)
			.list();
	}

	/** A callback for this resolution of the request, unless it has one or the request already has an open one. */
	public boolean create(RequestSnapshot request, Instant resolvedAt, Instant dueAt, boolean waitingForRain,
			Instant now) {
		return jdbc.sql("""
				insert into callback.callback (request_id, site_id, number, type, category_name, household_id, requester,
				                               phone, place, description, result, resolved_at, due_at, waiting_for_rain,
				                               created_at, request_owner_id, request_assignee_id)
				values (:request, :site, :number, :type, :category, :household, :requester, :phone, :place, :description,
				        :result, :resolved, :due, :waiting, :now, :owner, :assignee)
				on conflict do nothing""")
			.param("request", request.id())
			.param("site", request.siteId())
			.param("number", request.number())
			.param("type", request.type().name())
			.param("category", request.categoryName())
			.param("household", request.householdId())
			.param("requester", request.requester())
			.param("phone", request.phone())
			.param("place", request.place() == null ? "" : request.place())
			.param("description", request.description())
			.param("result", request.result())
			.param("resolved", offset(resolvedAt))
			.param("due", offset(dueAt))
			.param("waiting", waitingForRain)
			.param("now", offset(now))
			.param("owner", request.ownerId())
			.param("assignee", request.assigneeId())
			.update() == 1;
	}

	/** The request's callback clock started: its open callback falls due with it. */
	public void dueAt(long requestId, Instant dueAt) {
		jdbc.sql("""
				update callback.callback set due_at = :due, waiting_for_rain = false
				where request_id = :request and state = 'OPEN'""")
			.param("due", offset(dueAt))
			.param("request", requestId)
			.update();
	}

	/**
	 * The request was reopened or archived by other hands at {@code now}: its open
	 * callback of an earlier resolution ends so (one of a later resolution stays).
	 */
	public void end(long requestId, CallbackState state, Instant now) {
		jdbc.sql("""
				update callback.callback set state = :state, closed_at = :now, version = version + 1
				where request_id = :request and state = 'OPEN' and resolved_at <= :now""")
			.param("state", state.name())
			.param("now", offset(now))
			.param("request", requestId)
			.update();
	}

	public Optional<Callback> find(long id, Long[] sites) {
		return jdbc.sql("select * from callback.callback where id = :id and site_id = any(:sites)")
			.param("id", id)
			.param("sites", sites)
			.query((rs, n) -> callback(rs))
			.optional();
	}

	/** The open callback of the request, whoever asks (a resident rating online). */
	public Optional<Callback> findOpen(long requestId) {
		return jdbc.sql("select * from callback.callback where request_id = :request and state = 'OPEN'")
			.param("request", requestId)
			.query((rs, n) -> callback(rs))
			.optional();
	}

	public List<CallbackAttempt> attempts(long callbackId) {
		return jdbc.sql("select * from callback.callback_attempt where callback_id = :callback order by id")
			.param("callback", callbackId)
			.query((rs, n) -> new CallbackAttempt(rs.getLong("id"), CallbackMethod.valueOf(rs.getString("method")),
					CallbackResult.valueOf(rs.getString("result")), instant(rs, "next_try_at"), rs.getString("note"),
					rs.getLong("agent_id"), rs.getString("agent_name"), instant(rs, "attempted_at")))
			.list();
	}

	/** Saves the callback over the version it was read at, with its new tries; a colleague's step since is refused. */
	public void save(Callback callback) {
		int updated = jdbc.sql("""
				update callback.callback set state = :state, next_try_at = :next, method = :method,
				       satisfaction = :satisfaction, comment = :comment, closed_by = :closedBy,
				       closed_by_name = :closedByName, closed_at = :closedAt, version = version + 1
				where id = :id and version = :version""")
			.param("state", callback.state().name())
			.param("next", offset(callback.nextTryAt()))
			.param("method", callback.method() == null ? null : callback.method().name())
			.param("satisfaction", callback.satisfaction() == null ? null : callback.satisfaction().name())
			.param("comment", callback.comment())
			.param("closedBy", callback.closedBy())
			.param("closedByName", callback.closedByName())
			.param("closedAt", offset(callback.closedAt()))
			.param("id", callback.id())
			.param("version", callback.version())
			.update();
		if (updated == 0) {
			throw new StaleDataException("该回访已被他人处理，请刷新后查看");
		}
		for (CallbackAttempt attempt : callback.newAttempts()) {
			jdbc.sql("""
					insert into callback.callback_attempt (callback_id, method, result, next_try_at, note, agent_id,
					                                       agent_name, attempted_at)
					values (:callback, :method, :result, :next, :note, :agent, :agentName, :at)""")
				.param("callback", callback.id())
				.param("method", attempt.method().name())
				.param("result", attempt.result().name())
				.param("next", offset(attempt.nextTryAt()))
				.param("note", attempt.note())
				.param("agent", attempt.agentId())
				.param("agentName", attempt.agentName())
				.param("at", offset(attempt.attemptedAt()))
				.update();
		}
	}

	private Callback callback(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return new Callback(id, rs.getLong("request_id"), rs.getLong("site_id"), instant(rs, "due_at"),
				rs.getInt("version"), CallbackState.valueOf(rs.getString("state")), instant(rs, "next_try_at"),
				attempts(id));
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	public static OffsetDateTime offset(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
