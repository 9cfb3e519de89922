package io.kefu.request;

import java.util.EnumMap;
import java.util.Map;

import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The live counts on the queue tabs, read from the counters the database maintains
 * (a few rows per site), never by counting requests.
 */
@Service
public class QueueCounts {

	private final JdbcClient jdbc;

	QueueCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open requests per queue in the user's sites (or one of them). */
	public Map<Queue, Long> of(CurrentUser user, Long siteId) {
		Map<Queue, Long> counts = new EnumMap<>(Queue.class);
		jdbc.sql("""
				select coalesce(sum(count) filter (where owner_id = 0), 0) as open,
				       coalesce(sum(count) filter (where owner_id = 0 and status = 'REGISTERED'), 0) as unassigned,
				       coalesce(sum(count) filter (where owner_id = 0 and status = 'PAUSED'), 0) as waiting,
				       coalesce(sum(count) filter (where owner_id = 0 and major), 0) as major,
				       coalesce(sum(count) filter (where owner_id = :me), 0) as mine
				from request.queue_count
				where site_id = any(:sites)
				  and status not in ('RESOLVED', 'CLOSED')""")
			.param("sites", user.sites(siteId))
			.param("me", user.accountId())
			.query(rs -> {
				counts.put(Queue.OPEN, rs.getLong("open"));
				counts.put(Queue.UNASSIGNED, rs.getLong("unassigned"));
				counts.put(Queue.WAITING, rs.getLong("waiting"));
				counts.put(Queue.MAJOR, rs.getLong("major"));
				counts.put(Queue.MINE, rs.getLong("mine"));
			});
		counts.put(Queue.JOBS, jdbc.sql("""
				select count(*) from request.service_request
				where assignee_id = :me and status not in ('RESOLVED', 'CLOSED') and site_id = any(:sites)""")
			.param("me", user.accountId())
			.param("sites", user.sites(siteId))
			.query(Long.class)
			.single());
		return counts;
	}
}
