package io.kefu.report.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.report.PackKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report packs kept in {@code report.report_pack}, the workbook itself in the row. */
@Repository
public class PackStore {

	private static final String REPLACE = "update set period_to = excluded.period_to, file_name = excluded.file_name,"
			+ " content = excluded.content, generated_at = excluded.generated_at";

	private static final String ROWS = """
			select id, site_id, kind, period_from, period_to, file_name, length(content) as size, generated_at
			from report.report_pack where site_id = any(:sites) and\s""";

	private final JdbcClient jdbc;

	PackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A pack's row without its workbook. */
	public record Row(long id, long siteId, PackKind kind, LocalDate from, LocalDate to, String fileName, long size,
			Instant generatedAt) {
	}

	/** The sites that have the pack of this kind and period already. */
	public Set<Long> sitesWith(PackKind kind, LocalDate from) {
		return Set.copyOf(jdbc.sql("select site_id from report.report_pack where kind = :kind and period_from = :from")
			.param("kind", kind.name())
			.param("from", from)
			.query(Long.class)
			.list());
	}

	/**
	 * Keeps a pack; {@code replace} writes over the one of the same site, kind and period,
	 * otherwise the one already there stays (another instance made it first) and no id
	 * is returned.
	 */
	public Optional<Long> save(long siteId, PackKind kind, LocalDate from, LocalDate to, String fileName, byte[] content,
			Instant generatedAt, boolean replace) {
		return jdbc.sql("""
				insert into report.report_pack (site_id, kind, period_from, period_to, file_name, content, generated_at)
				values (:site, :kind, :from, :to, :name, :content, :at)
				on conflict (site_id, kind, period_from) do\s""" + (replace ? REPLACE : "nothing") + " returning id")
			.param("site", siteId)
			.param("kind", kind.name())
			.param("from", from)
			.param("to", to)
			.param("name", fileName)
			.param("content", content)
			.param("at", generatedAt.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.optional();
	}

	/** The newest packs of the sites first, after the pack {@code before} (an id) when given. */
	public List<Row> list(Long[] sites, Long before, int limit) {
		return jdbc.sql(ROWS + "id < :before order by id desc limit :limit")
			.param("sites", sites)
			.param("before", before == null ? Long.MAX_VALUE : before)
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	public Optional<Row> row(Long[] sites, long id) {
		return jdbc.sql(ROWS + "id = :id").param("id", id).param("sites", sites).query((rs, n) -> row(rs)).optional();
	}

	public Optional<byte[]> content(Long[] sites, long id) {
		return jdbc.sql("select content from report.report_pack where id = :id and site_id = any(:sites)")
			.param("id", id)
			.param("sites", sites)
			.query(byte[].class)
			.optional();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("site_id"), PackKind.valueOf(rs.getString("kind")),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getString("file_name"), rs.getLong("size"), rs.getObject("generated_at", OffsetDateTime.class).toInstant());
	}
}
