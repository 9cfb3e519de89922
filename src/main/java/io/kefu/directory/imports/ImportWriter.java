package io.kefu.directory.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import io.kefu.directory.PersonInput;
import io.kefu.directory.domain.Places;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes checked rows with a few set-based statements per chunk of rows (arrays
 * through {@code unnest}), never a statement per row. Ids come from the tables'
 * own sequences up front, so that rooms, households and people can be linked
 * without reading anything back.
 */
@Component
class ImportWriter {

	static final int CHUNK = 5_000;

	/** From this many rows on, the tables' statistics are refreshed at the end. */
	static final int ANALYZE_FROM = 1_000;

	private final JdbcClient jdbc;

	ImportWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes all rows in the caller's transaction, which must exist: all or
	 * nothing. {@code progress} hears how many rows are written after each chunk.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void write(List<ImportRow> rows, IntConsumer progress) {
		Map<String, Long> buildings = buildings(rows);
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			long[] roomIds = nextIds("directory.room", chunk.size());
			insertRooms(chunk, roomIds, buildings);
			insertHouseholds(chunk, roomIds);
			progress.accept(from + chunk.size());
			if (from == 0 && rows.size() >= ANALYZE_FROM) {
				// The foreign-key checks of the next chunks' people run on a plan PostgreSQL caches
				// per connection; one cached while the households were few scans them all for
				// every person (a 50,000-row import stuck for minutes). ANALYZE makes it plan again.
				jdbc.sql("analyze directory.room, directory.household").update();
			}
		}
		if (rows.size() >= ANALYZE_FROM) {
			// Until autovacuum comes by, the planner would take the tables for as small as
			// before and pick plans that crawl (an export of 50,000 households took 50 s
			// instead of 1 s). ANALYZE counts this transaction's own rows.
			jdbc.sql("analyze directory.building, directory.room, directory.household, directory.household_room, directory.person")
				.update();
		}
	}

	/** The ids of the rows' buildings, creating those that do not exist yet. */
	private Map<String, Long> buildings(List<ImportRow> rows) {
		Map<String, ImportRow> distinct = new LinkedHashMap<>();
		rows.forEach(row -> distinct.putIfAbsent(key(row.siteId(), row.building()), row));
		Long[] sites = distinct.values().stream().map(ImportRow::siteId).toArray(Long[]::new);
		String[] codes = distinct.values().stream().map(ImportRow::building).toArray(String[]::new);
		jdbc.sql("""
				insert into directory.building (site_id, code, name)
				select * from unnest(:sites::bigint[], :codes::text[], :names::text[])
				on conflict (site_id, code) do nothing""")
			.param("sites", sites)
			.param("codes", codes)
			.param("names", distinct.values().stream().map(row -> Places.defaultBuildingName(row.building())).toArray(String[]::new))
			.update();
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("""
				select b.id, b.site_id, b.code from directory.building b
				join unnest(:sites::bigint[], :codes::text[]) as u(site_id, code) on b.site_id = u.site_id and b.code = u.code""")
			.param("sites", sites)
			.param("codes", codes)
			.query(rs -> {
				ids.put(key(rs.getLong("site_id"), rs.getString("code")), rs.getLong("id"));
			});
		return ids;
	}

	private void insertRooms(List<ImportRow> chunk, long[] roomIds, Map<String, Long> buildings) {
		jdbc.sql("""
				insert into directory.room (id, site_id, building_id, code, entrance, floor, number, area)
				overriding system value
				select * from unnest(:ids::bigint[], :sites::bigint[], :buildings::bigint[], :codes::text[],
				                     :entrances::int[], :floors::int[], :numbers::int[], :areas::numeric[])""")
			.param("ids", boxed(roomIds))
			.param("sites", chunk.stream().map(ImportRow::siteId).toArray(Long[]::new))
			.param("buildings", chunk.stream().map(row -> buildings.get(key(row.siteId(), row.building()))).toArray(Long[]::new))
			.param("codes", chunk.stream().map(ImportRow::roomCode).toArray(String[]::new))
			.param("entrances", chunk.stream().map(ImportRow::entrance).toArray(Integer[]::new))
			.param("floors", chunk.stream().map(ImportRow::floor).toArray(Integer[]::new))
			.param("numbers", chunk.stream().map(ImportRow::number).toArray(Integer[]::new))
			.param("areas", chunk.stream().map(ImportRow::area).toArray(BigDecimal[]::new))
			.update();
	}

	private void insertHouseholds(List<ImportRow> chunk, long[] roomIds) {
		List<ImportRow> rows = new ArrayList<>();
		List<Long> rooms = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			if (chunk.get(i).hasHousehold()) {
				rows.add(chunk.get(i));
				rooms.add(roomIds[i]);
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		long[] ids = nextIds("directory.household", rows.size());
		jdbc.sql("""
				insert into directory.household (id, site_id, name, state, move_in_date)
				overriding system value
				select * from unnest(:ids::bigint[], :sites::bigint[], :names::text[], :states::text[], :moveIns::date[])""")
			.param("ids", boxed(ids))
			.param("sites", rows.stream().map(ImportRow::siteId).toArray(Long[]::new))
			.param("names", rows.stream().map(ImportRow::household).toArray(String[]::new))
			.param("states", rows.stream().map(row -> row.state().name()).toArray(String[]::new))
			.param("moveIns", rows.stream().map(row -> row.moveInDate() == null ? null : row.moveInDate().toString())
				.toArray(String[]::new))
			.update();
		jdbc.sql("""
				insert into directory.household_room (household_id, room_id)
				select * from unnest(:households::bigint[], :rooms::bigint[])""")
			.param("households", boxed(ids))
			.param("rooms", rooms.toArray(Long[]::new))
			.update();
		List<Long> households = new ArrayList<>();
		List<Long> sites = new ArrayList<>();
		List<PersonInput> people = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			for (PersonInput person : rows.get(i).people()) {
				households.add(ids[i]);
				sites.add(rows.get(i).siteId());
				people.add(person);
			}
		}
		if (people.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into directory.person (household_id, site_id, name, role, phone)
				select * from unnest(:households::bigint[], :sites::bigint[], :names::text[], :roles::text[], :phones::text[])""")
			.param("households", households.toArray(Long[]::new))
			.param("sites", sites.toArray(Long[]::new))
			.param("names", people.stream().map(PersonInput::name).toArray(String[]::new))
			.param("roles", people.stream().map(person -> person.role().name()).toArray(String[]::new))
			.param("phones", people.stream().map(PersonInput::phone).toArray(String[]::new))
			.update();
	}

	/** Takes {@code count} ids from a table's identity sequence in one round trip. */
	private long[] nextIds(String table, int count) {
		return jdbc.sql("select nextval(pg_get_serial_sequence(:table, 'id')) from generate_series(1, :count)")
			.param("table", table)
			.param("count", count)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	private static Long[] boxed(long[] ids) {
		return java.util.Arrays.stream(ids).boxed().toArray(Long[]::new);
	}

	private static String key(long siteId, String building) {
		return siteId + "#" + building;
	}
}
