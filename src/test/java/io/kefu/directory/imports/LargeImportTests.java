package io.kefu.directory.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50,000 rows (rooms, each with a household of two people) through the API, from
 * upload to DONE, must take less than 30 seconds. For comparison the same rows
 * go into the same tables with PostgreSQL's COPY, the floor of what any import
 * can do. The figures go to BENCHMARKS-import.md.
 */
@KefuIntegrationTest
class LargeImportTests {

	static final int ROWS = 50_000;

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void fiftyThousandRowsImportInUnderThirtySeconds() throws Exception {
		SiteAndAdmin site = staff.site();
		byte[] file = ImportFiles.households(site.site().code(), ROWS);
		ImportApi api = new ImportApi(port, site.admin());

		long parseStart = System.nanoTime();
		int[] lines = { 0 };
		ImportSheet.read(file, line -> lines[0]++);
		Duration parse = since(parseStart);
		assertThat(lines[0]).isEqualTo(ROWS);

		long start = System.nanoTime();
		JsonNode checked = api.uploadAndCheck(file);
		Duration check = since(start);
		assertThat(checked.get("state").asString()).as(checked.toString()).isEqualTo("READY");
		long commitStart = System.nanoTime();
		JsonNode done;
		try {
			done = api.commit(checked.get("id").asLong());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("the import did not settle within a minute; what waits:\n" + diagnosis(), ex);
		}
		Duration commit = since(commitStart);
		Duration total = since(start);

		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(count("select count(*) from directory.room where site_id = :site", site.site().id())).isEqualTo(ROWS);
		assertThat(count("select count(*) from directory.household where site_id = :site", site.site().id())).isEqualTo(ROWS);
		assertThat(count("select count(*) from directory.person where site_id = :site", site.site().id())).isEqualTo(2L * ROWS);

		long exportStart = System.nanoTime();
		HttpResponse<byte[]> export = api.client().getBytes("/api/v1/households/export.xlsx?site=" + site.site().id());
		Duration exported = since(exportStart);
		assertThat(export.statusCode()).isEqualTo(200);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export.body()));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			assertThat(rows.count()).isEqualTo(ROWS + 1);
		}

		SiteAndAdmin baselineSite = staff.site();
		Duration copy = copyTheSameRows(baselineSite.site().id());
		assertThat(count("select count(*) from directory.person where site_id = :site", baselineSite.site().id()))
			.isEqualTo(2L * ROWS);

		System.out.printf("""
				import of %,d rows (%,d bytes .xlsx): reading the file alone %.2f s; upload and check %.2f s; \
				confirm, check again and write %.2f s; total %.2f s = %,.0f rows/s
				baseline, the same rows with COPY in one transaction: %.2f s = %,.0f rows/s
				export of the %,d households (%,d bytes .xlsx): %.2f s = %,.0f rows/s
				""", ROWS, file.length, seconds(parse), seconds(check), seconds(commit), seconds(total),
				ROWS / seconds(total), seconds(copy), ROWS / seconds(copy), ROWS, export.body().length,
				seconds(exported), ROWS / seconds(exported));
		assertThat(total).isLessThan(Duration.ofSeconds(30));
	}

	/** The same buildings, rooms, households, links and people with COPY, ids taken up front. */
	private Duration copyTheSameRows(long siteId) throws SQLException, IOException {
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			List<Long> buildings = new ArrayList<>();
			try (var insert = connection.prepareStatement(
					"insert into directory.building (site_id, code, name) values (?, ?, ?) returning id")) {
				for (int b = 1; b <= (ROWS + 999) / 1000; b++) {
					insert.setLong(1, siteId);
					insert.setString(2, "B" + b);
					insert.setString(3, "B" + b + "幢");
					try (var result = insert.executeQuery()) {
						result.next();
						buildings.add(result.getLong(1));
					}
				}
			}
			long firstRoom = firstOf(connection, "directory.room");
			long firstHousehold = firstOf(connection, "directory.household");
			copy.copyIn("copy directory.room (id, site_id, building_id, code, entrance, floor, number, area) from stdin",
					lines(i -> (firstRoom + i) + "\t" + siteId + "\t" + buildings.get(i / 1000) + "\tB" + (i / 1000 + 1) + "#"
							+ (i % 1000 / 200 + 1) + "-" + (i % 200 / 4 + 1) + "-" + (i % 4 + 1) + "\t" + (i % 1000 / 200 + 1)
							+ "\t" + (i % 200 / 4 + 1) + "\t" + (i % 4 + 1) + "\t89.5\n"));
			copy.copyIn("copy directory.household (id, site_id, name, state, move_in_date) from stdin",
					lines(i -> (firstHousehold + i) + "\t" + siteId + "\t业户" + i + "\tOCCUPIED\t2024-03-01\n"));
			copy.copyIn("copy directory.household_room (household_id, room_id) from stdin",
					lines(i -> (firstHousehold + i) + "\t" + (firstRoom + i) + "\n"));
			copy.copyIn("copy directory.person (household_id, site_id, name, role, phone) from stdin",
					lines(i -> (firstHousehold + i) + "\t" + siteId + "\t业主" + i + "\tOWNER\t139" + String.format("%08d", i)
							+ "\n" + (firstHousehold + i) + "\t" + siteId + "\t家人" + i + "\tFAMILY\t\\N\n"));
			connection.commit();
		}
		return since(start);
	}

	/** Takes {@code ROWS} ids of a table's sequence and returns the first (they are consecutive here: no cache, no one else). */
	private static long firstOf(Connection connection, String table) throws SQLException {
		try (var statement = connection.prepareStatement(
				"select setval(pg_get_serial_sequence(?, 'id'), nextval(pg_get_serial_sequence(?, 'id')) + ? - 1)")) {
			statement.setString(1, table);
			statement.setString(2, table);
			statement.setInt(3, ROWS);
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1) - ROWS + 1;
			}
		}
	}

	private static StringReader lines(Function<Integer, String> line) {
		StringBuilder text = new StringBuilder(ROWS * 64);
		for (int i = 0; i < ROWS; i++) {
			text.append(line.apply(i));
		}
		return new StringReader(text.toString());
	}

	/** The database sessions at work and the import threads' stacks, to see what a stuck import waits for. */
	private String diagnosis() {
		String sessions = String.join("\n", jdbc.sql("""
				select pid || ' ' || state || ' ' || coalesce(wait_event_type || '/' || wait_event, '-') || ' '
				       || coalesce((now() - xact_start)::text, '-') || ' ' || left(query, 300)
				from pg_stat_activity where datname = current_database() and state <> 'idle'""")
			.query(String.class)
			.list());
		StringBuilder threads = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().startsWith("import-")) {
				threads.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
				Arrays.stream(stack).limit(25).forEach(frame -> threads.append("    at ").append(frame).append('\n'));
			}
		});
		return sessions + "\n" + threads;
	}

	private long count(String sql, long siteId) {
		return jdbc.sql(sql).param("site", siteId).query(Long.class).single();
	}

	private static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}
}
