package io.kefu.request.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Request numbers per site and day, {@code BA01-261123-0001}: the counter row is
 * locked until the intake commits and rolls back with it, so numbers come without
 * gaps or duplicates however many agents register at once.
 */
@Component
public class RequestNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private final JdbcClient jdbc;

	RequestNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String next(long siteId, String siteCode, LocalDate day) {
		int sequence = jdbc.sql("""
				insert into request.request_number (site_id, day, last) values (:site, :day, 1)
				on conflict (site_id, day) do update set last = request_number.last + 1
				returning last""")
			.param("site", siteId)
			.param("day", day)
			.query(Integer.class)
			.single();
		return siteCode + "-" + DAY.format(day) + "-" + String.format("%04d", sequence);
	}
}
