package io.kefu.report.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.kefu.report.AnalysisState;
import io.kefu.report.Quarter;
import io.kefu.report.QuarterlyAnalysisDetails.Signature;
import io.kefu.report.QuarterlyAnalysisSummary;
import io.kefu.report.WrittenSections;
import io.kefu.shared.StaleDataException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quarterly analyses; every read takes the caller's scope: the reports of their
 * sites and, for one who sees every site ({@code company}), the company's (no site).
 */
@Repository
public class QuarterlyAnalysisRepository {

	private static final String SCOPE = "(site_id = any(:sites) or (site_id is null and :company))";

	private final JdbcClient jdbc;

	QuarterlyAnalysisRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<QuarterlyComplaintAnalysis> find(Long[] sites, boolean company, long id) {
		return jdbc.sql("select * from report.quarterly_analysis where id = :id and " + SCOPE)
			.param("id", id)
			.param("sites", sites)
			.param("company", company)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** The site's (null: the company's) report of the quarter. */
	public Optional<Long> idOf(Long siteId, Quarter quarter) {
		return jdbc.sql("select id from report.quarterly_analysis where "
				+ (siteId == null ? "site_id is null" : "site_id = :site") + " and year = :year and quarter = :quarter")
			.param("site", siteId)
			.param("year", quarter.year())
			.param("quarter", quarter.quarter())
			.query(Long.class)
			.optional();
	}

	/** The reports in scope, the latest quarter first and in each the company's first; at most {@code limit}. */
	public List<QuarterlyAnalysisSummary> list(Long[] sites, boolean company, Function<Long, String> siteName,
			int limit) {
		return jdbc.sql("""
				select id, site_id, year, quarter, state, changed_at from report.quarterly_analysis
				where %s order by year desc, quarter desc, site_id nulls first limit :limit""".formatted(SCOPE))
			.param("sites", sites)
			.param("company", company)
			.param("limit", limit)
			.query((rs, n) -> {
				Long siteId = rs.getObject("site_id", Long.class);
				return new QuarterlyAnalysisSummary(rs.getLong("id"), siteId, siteName.apply(siteId),
						new Quarter(rs.getInt("year"), rs.getInt("quarter")), AnalysisState.valueOf(rs.getString("state")),
						instant(rs, "changed_at"));
			})
			.list();
	}

	/** Inserts the new report; none when its site's (or the company's) quarter has one already (someone started it first). */
	public Optional<Long> insert(QuarterlyComplaintAnalysis report) {
		Signature by = report.drafted();
		return jdbc.sql("""
				insert into report.quarterly_analysis (site_id, year, quarter, state, drafted_by, drafted_by_name,
				    drafted_at, changed_at)
				values (:site, :year, :quarter, :state, :by, :byName, :at, :at)
				on conflict (site_id, year, quarter) do nothing returning id""")
			.param("site", report.siteId())
			.param("year", report.quarter().year())
			.param("quarter", report.quarter().quarter())
			.param("state", report.state().name())
			.param("by", by.accountId())
			.param("byName", by.name())
			.param("at", offset(by.at()))
			.query(Long.class)
			.optional();
	}

	/** Writes the report back, unless someone changed it since it was read. */
	public void update(QuarterlyComplaintAnalysis report) {
		int updated = jdbc.sql("""
				update report.quarterly_analysis set state = :state, analysis = :analysis,
				    corrective_measures = :corrective, preventive_measures = :preventive,
				    drafted_by = :draftedBy, drafted_by_name = :draftedByName, drafted_at = :draftedAt,
				    submitted_by = :submittedBy, submitted_by_name = :submittedByName, submitted_at = :submittedAt,
				    approved_by = :approvedBy, approved_by_name = :approvedByName, approved_at = :approvedAt,
				    return_note = :note, snapshot = cast(:snapshot as jsonb), changed_at = :changedAt,
				    version = version + 1
				where id = :id and version = :version""")
			.param("id", report.id())
			.param("version", report.version())
			.param("state", report.state().name())
			.param("analysis", report.sections().analysis())
			.param("corrective", report.sections().correctiveMeasures())
			.param("preventive", report.sections().preventiveMeasures())
			.param("draftedBy", report.drafted().accountId())
			.param("draftedByName", report.drafted().name())
			.param("draftedAt", offset(report.drafted().at()))
			.param("submittedBy", report.submitted() == null ? null : report.submitted().accountId())
			.param("submittedByName", report.submitted() == null ? null : report.submitted().name())
			.param("submittedAt", report.submitted() == null ? null : offset(report.submitted().at()))
			.param("approvedBy", report.approved() == null ? null : report.approved().accountId())
			.param("approvedByName", report.approved() == null ? null : report.approved().name())
			.param("approvedAt", report.approved() == null ? null : offset(report.approved().at()))
			.param("note", report.returnNote())
			.param("snapshot", report.snapshot())
			.param("changedAt", offset(report.changedAt()))
			.update();
		if (updated != 1) {
			throw new StaleDataException("该报告已被他人修改，您的更改没有保存，请刷新后重试");
		}
	}

	private static QuarterlyComplaintAnalysis row(ResultSet rs) throws SQLException {
		return new QuarterlyComplaintAnalysis(rs.getLong("id"), rs.getObject("site_id", Long.class),
				new Quarter(rs.getInt("year"), rs.getInt("quarter")), AnalysisState.valueOf(rs.getString("state")),
				new WrittenSections(rs.getString("analysis"), rs.getString("corrective_measures"),
						rs.getString("preventive_measures")),
				signature(rs, "drafted"), signature(rs, "submitted"), signature(rs, "approved"),
				rs.getString("return_note"), rs.getString("snapshot"), instant(rs, "changed_at"), rs.getInt("version"));
	}

	private static Signature signature(ResultSet rs, String step) throws SQLException {
		Instant at = instant(rs, step + "_at");
		return at == null ? null : new Signature(rs.getLong(step + "_by"), rs.getString(step + "_by_name"), at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime offset(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
