package io.kefu.request.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the intake screen shows beside a household while the customer is on the
 * line: its open and latest requests, and earlier reports of the same thing. Each
 * query walks the household or room index and is limited to the caller's sites.
 */
@Component
public class RequestLookups {

	/** Open requests shown per household; a household with more is a case for its page, not the card. */
	public static final int OPEN_LIMIT = 10;

	private static final String COLUMNS = """
			r.id, r.household_id, r.room_id, r.number, r.type, c.name as category_name, r.status, r.place,
			r.registered_at""";

	private final JdbcClient jdbc;

	RequestLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A request in a household card or a repeat warning. */
	public record Line(long id, Long householdId, Long roomId, String number, RequestType type, String categoryName,
			RequestStatus status, String place, Instant registeredAt) {
	}

	/** The open requests of each household, newest first. */
	public List<Line> openOf(CurrentUser user, Collection<Long> householdIds) {
		return perHousehold(user, householdIds, "and s.status not in ('RESOLVED', 'CLOSED')", OPEN_LIMIT);
	}

	/** The latest requests of each household, whatever their state, newest first. */
	public List<Line> latestOf(CurrentUser user, Collection<Long> householdIds, int perHousehold) {
		return perHousehold(user, householdIds, "", perHousehold);
	}

	/**
	 * Requests of the same category since the given time, by the household or about
	 * one of the rooms, newest first: a repeat report (重复报事).
	 */
	public List<Line> sameCategorySince(CurrentUser user, long categoryId, Collection<Long> householdIds,
			Collection<Long> roomIds, Instant since) {
		if (householdIds.isEmpty() && roomIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + """
				 from request.service_request r left join request.category c on c.id = r.category_id
				where r.id in (select id from request.service_request
				               where household_id = any(:households) and registered_at >= :since
				               union
				               select id from request.service_request
				               where room_id = any(:rooms) and registered_at >= :since)
				  and r.category_id = :category and r.site_id = any(:sites)
				order by r.registered_at desc limit 20""")
			.param("households", householdIds.toArray(Long[]::new))
			.param("rooms", roomIds.toArray(Long[]::new))
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("category", categoryId)
			.param("sites", user.sites())
			.query((rs, n) -> line(rs))
			.list();
	}

	private List<Line> perHousehold(CurrentUser user, Collection<Long> householdIds, String condition, int limit) {
		if (householdIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + """
				 from unnest(cast(:households as bigint[])) as h(id)
				cross join lateral (select * from request.service_request s
				                    where s.household_id = h.id and s.site_id = any(:sites) %s
				                    order by s.registered_at desc limit :limit) r
				left join request.category c on c.id = r.category_id
				order by r.household_id, r.registered_at desc""".formatted(condition))
			.param("households", householdIds.toArray(Long[]::new))
			.param("sites", user.sites())
			.param("limit", limit)
			.query((rs, n) -> line(rs))
			.list();
	}

	private static Line line(ResultSet rs) throws SQLException {
		return new Line(rs.getLong("id"), (Long) rs.getObject("household_id"), (Long) rs.getObject("room_id"),
				rs.getString("number"), RequestType.valueOf(rs.getString("type")), rs.getString("category_name"),
				RequestStatus.valueOf(rs.getString("status")), rs.getString("place"),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant());
	}
}
