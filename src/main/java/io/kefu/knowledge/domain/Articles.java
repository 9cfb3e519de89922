package io.kefu.knowledge.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.knowledge.Article;
import io.kefu.knowledge.ArticleCategory;
import io.kefu.knowledge.ArticleInput;
import io.kefu.knowledge.ArticleKind;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.ArticleVersion;
import io.kefu.shared.SearchTerms;
import io.kefu.shared.SearchTerms.Field;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Articles and guides with their versions, indexed for Chinese search by their bigrams. */
@Component
public class Articles {

	private static final String COLUMNS = "id, kind, title, category, tags, site_id, state, body, materials, version, updated_at, updated_by";

	private static final String VISIBLE = "(site_id is null or site_id = any(:sites))";

	private final JdbcClient jdbc;

	Articles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Article> find(long id, Long[] sites) {
		return jdbc.sql("select " + COLUMNS + " from knowledge.article where id = :id and " + VISIBLE)
			.param("id", id)
			.param("sites", sites)
			.query(Articles::row)
			.optional();
	}

	/** The latest changed first, drafts included when {@code drafts}, at most {@code limit}. */
	public List<Article> latest(Long[] sites, ArticleKind kind, boolean drafts, int limit) {
		return jdbc.sql("select " + COLUMNS + " from knowledge.article where " + VISIBLE + """
				 and (cast(:kind as text) is null or kind = :kind) and (:drafts or state = 'PUBLISHED')
				order by updated_at desc, id desc limit :limit""")
			.param("sites", sites)
			.param("kind", kind == null ? null : kind.name())
			.param("drafts", drafts)
			.param("limit", limit)
			.query(Articles::row)
			.list();
	}

	public long create(ArticleInput input, ArticleState state, String by, Instant at) {
		long id = jdbc.sql("""
				insert into knowledge.article (kind, title, category, tags, site_id, state, body, materials,
				                               updated_at, updated_by, search)
				values (:kind, :title, :category, :tags, :site, :state, :body, :materials, :at, :by,
				        cast(:search as tsvector))
				returning id""")
			.params(params(input, state, by, at))
			.query(Long.class)
			.single();
		saveVersion(id);
		return id;
	}

	/** Writes a new version if the article is still at the version read; false when someone changed it first. */
	public boolean update(long id, int version, ArticleInput input, ArticleState state, String by, Instant at) {
		boolean updated = jdbc.sql("""
				update knowledge.article set kind = :kind, title = :title, category = :category, tags = :tags,
				       site_id = :site, state = :state, body = :body, materials = :materials, updated_at = :at,
				       updated_by = :by, search = cast(:search as tsvector), version = version + 1
				where id = :id and version = :version""")
			.params(params(input, state, by, at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
		if (updated) {
			saveVersion(id);
		}
		return updated;
	}

	private void saveVersion(long id) {
		jdbc.sql("""
				insert into knowledge.article_version (article_id, version, title, state, body, materials, saved_at, saved_by)
				select id, version, title, state, body, materials, updated_at, updated_by from knowledge.article where id = :id""")
			.param("id", id)
			.update();
	}

	public List<ArticleVersion> versions(long id) {
		return jdbc.sql("""
				select version, title, state, saved_at, saved_by from knowledge.article_version
				where article_id = :id order by version desc""")
			.param("id", id)
			.query((rs, n) -> new ArticleVersion(rs.getInt("version"), rs.getString("title"),
					ArticleState.valueOf(rs.getString("state")), instant(rs, "saved_at"), rs.getString("saved_by")))
			.list();
	}

	/** Published articles matching the {@code tsquery} literal, best first; title and tags weigh most. */
	public List<Article> search(String tsquery, Long[] sites, ArticleKind kind, int limit) {
		return jdbc.sql("select " + COLUMNS + " from knowledge.article where state = 'PUBLISHED' and search @@ cast(:q as tsquery) and "
				+ VISIBLE + """
				 and (cast(:kind as text) is null or kind = :kind)
				order by ts_rank(search, cast(:q as tsquery), 1) desc, id
				limit :limit""")
			.param("q", tsquery)
			.param("sites", sites)
			.param("kind", kind == null ? null : kind.name())
			.param("limit", limit)
			.query(Articles::row)
			.list();
	}

	/** Indexes the articles that have no index yet: the defaults the migration wrote. */
	public int indexMissing() {
		List<Article> missing = jdbc.sql("select " + COLUMNS + " from knowledge.article where search is null")
			.query(Articles::row)
			.list();
		return jdbc.sql("""
				update knowledge.article a set search = cast(v.search as tsvector)
				from unnest(cast(:ids as bigint[]), cast(:vectors as text[])) as v(id, search)
				where a.id = v.id and a.search is null""")
			.param("ids", missing.stream().map(Article::id).toArray(Long[]::new))
			.param("vectors", missing.stream()
				.map(a -> vector(a.title(), a.tags(), a.body(), a.materials()))
				.toArray(String[]::new))
			.update();
	}

	static String vector(String title, List<String> tags, String body, List<String> materials) {
		return SearchTerms.vector(Field.a(title), Field.a(String.join(" ", tags)), Field.b(body),
				Field.b(String.join(" ", materials)));
	}

	private static Map<String, Object> params(ArticleInput input, ArticleState state, String by, Instant at) {
		Map<String, Object> params = new HashMap<>();
		params.put("kind", input.kind().name());
		params.put("title", input.title());
		params.put("category", input.category().name());
		params.put("tags", input.tags().toArray(String[]::new));
		params.put("site", input.siteId());
		params.put("state", state.name());
		params.put("body", input.body());
		params.put("materials", input.materials().toArray(String[]::new));
		params.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
		params.put("by", by);
		params.put("search", vector(input.title(), input.tags(), input.body(), input.materials()));
		return params;
	}

	private static Article row(ResultSet rs, int n) throws SQLException {
		return new Article(rs.getLong("id"), ArticleKind.valueOf(rs.getString("kind")), rs.getString("title"),
				ArticleCategory.valueOf(rs.getString("category")), strings(rs.getArray("tags")),
				rs.getObject("site_id", Long.class), ArticleState.valueOf(rs.getString("state")), rs.getString("body"),
				strings(rs.getArray("materials")), rs.getInt("version"), instant(rs, "updated_at"),
				rs.getString("updated_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}
}
