package io.kefu.standard.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** What the clocks keep of a request: its site, number, owner, assignee and agreed time. */
record RequestRow(long requestId, long siteId, String number, long ownerId, Long assigneeId, Instant appointment) {

	static RequestRow of(ResultSet rs) throws SQLException {
		return new RequestRow(rs.getLong("request_id"), rs.getLong("site_id"), rs.getString("number"),
				rs.getLong("owner_id"), (Long) rs.getObject("assignee_id"), RunningClock.instant(rs, "appointment"));
	}
}
