package io.kefu.request.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.kefu.request.HistoryEntry;
import io.kefu.request.RequestStatus;
import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The request's history, written in the same transaction as the change it records. */
@Component
public class RequestHistory {

	private final JdbcClient jdbc;

	RequestHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long requestId, CurrentUser actor, String action, RequestStatus from, RequestStatus to,
			String note, Instant at) {
		record(requestId, actor.accountId(), actor.displayName(), action, from, to, note, at);
	}

	/** A change made by someone without a staff account (a resident), whose id is 0. */
	public void record(long requestId, long actorId, String actorName, String action, RequestStatus from,
			RequestStatus to, String note, Instant at) {
		jdbc.sql("""
				insert into request.request_history (request_id, occurred_at, actor_id, actor_name, action, from_status,
				                                     to_status, note)
				values (:request, :at, :actor, :actorName, :action, :from, :to, :note)""")
			.param("request", requestId)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actorId)
			.param("actorName", actorName)
			.param("action", action)
			.param("from", from == null ? null : from.name())
			.param("to", to == null ? null : to.name())
			.param("note", note == null ? "" : note)
			.update();
	}

	public List<HistoryEntry> of(long requestId) {
		return jdbc.sql("""
				select occurred_at, actor_name, action, from_status, to_status, note from request.request_history
				where request_id = :request order by id desc""")
			.param("request", requestId)
			.query((rs, n) -> new HistoryEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor_name"), rs.getString("action"),
					rs.getString("from_status") == null ? null : RequestStatus.valueOf(rs.getString("from_status")),
					rs.getString("to_status") == null ? null : RequestStatus.valueOf(rs.getString("to_status")),
					rs.getString("note")))
			.list();
	}
}
