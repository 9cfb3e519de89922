package io.kefu.script.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.script.Phrase;
import io.kefu.script.PhraseInput;
import io.kefu.script.Scene;
import io.kefu.shared.SearchQuery;
import io.kefu.shared.SearchTerms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The phrase library, each phrase indexed for Chinese search by its bigrams. */
@Component
public class Phrases {

	private static final String COLUMNS = "id, scene, position, text, site_id, request_type, version";

	private final JdbcClient jdbc;

	Phrases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The phrases of the scenes for a site and request type: the site's own and the
	 * type's own before the company's, each in its order.
	 */
	public List<Phrase> forScenes(List<Scene> scenes, Long siteId, String requestType) {
		return jdbc.sql("select " + COLUMNS + """
				 from script.phrase
				where scene = any(:scenes)
				  and (site_id is null or site_id = :site)
				  and (request_type is null or request_type = :type)
				order by array_position(cast(:scenes as text[]), scene), site_id is null, request_type is null, position, id""")
			.param("scenes", scenes.stream().map(Scene::name).toArray(String[]::new))
			.param("site", siteId)
			.param("type", requestType)
			.query(Phrases::row)
			.list();
	}

	/** Every phrase of the sites given and the company's, by scene, for the editors' page. */
	public List<Phrase> all(Long[] sites) {
		return jdbc.sql("select " + COLUMNS + """
				 from script.phrase where site_id is null or site_id = any(:sites)
				order by scene, site_id nulls first, request_type nulls first, position, id""")
			.param("sites", sites)
			.query(Phrases::row)
			.list();
	}

	public Optional<Phrase> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from script.phrase where id = :id").param("id", id).query(Phrases::row).optional();
	}

	public long create(PhraseInput input, String by, Instant at) {
		return jdbc.sql("""
				insert into script.phrase (scene, position, text, site_id, request_type, search, updated_at, updated_by)
				values (:scene, :position, :text, :site, :type, cast(:search as tsvector), :at, :by)
				returning id""")
			.params(params(input, by, at))
			.query(Long.class)
			.single();
	}

	/** Changes the phrase if it is still at the version read; false when someone changed it first. */
	public boolean update(long id, PhraseInput input, String by, Instant at) {
		return jdbc.sql("""
				update script.phrase set scene = :scene, position = :position, text = :text, site_id = :site,
				       request_type = :type, search = cast(:search as tsvector), updated_at = :at, updated_by = :by,
				       version = version + 1
				where id = :id and version = :version""")
			.params(params(input, by, at))
			.param("id", id)
			.param("version", input.version())
			.update() == 1;
	}

	public boolean delete(long id) {
		return jdbc.sql("delete from script.phrase where id = :id").param("id", id).update() == 1;
	}

	/** Phrases with the words searched for, of the company or the sites given, best first. */
	public List<Phrase> search(SearchQuery query, Long[] sites, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from script.phrase
				where search @@ cast(:q as tsquery) and (site_id is null or site_id = any(:sites))
				order by ts_rank(search, cast(:q as tsquery), 1) desc, id
				limit :limit""")
			.param("q", query.allWords())
			.param("sites", sites)
			.param("limit", limit)
			.query(Phrases::row)
			.list();
	}

	/** Indexes the phrases that have no index yet: the defaults the migration wrote. */
	public int indexMissing() {
		List<Phrase> missing = jdbc.sql("select " + COLUMNS + " from script.phrase where search is null")
			.query(Phrases::row)
			.list();
		return jdbc.sql("""
				update script.phrase p set search = cast(v.search as tsvector)
				from unnest(cast(:ids as bigint[]), cast(:vectors as text[])) as v(id, search)
				where p.id = v.id and p.search is null""")
			.param("ids", missing.stream().map(Phrase::id).toArray(Long[]::new))
			.param("vectors", missing.stream().map(p -> SearchTerms.vector(SearchTerms.Field.a(p.text()))).toArray(String[]::new))
			.update();
	}

	private static Map<String, Object> params(PhraseInput input, String by, Instant at) {
		Map<String, Object> params = new HashMap<>();
		params.put("scene", input.scene().name());
		params.put("position", input.position() == null ? 0 : input.position());
		params.put("text", input.text());
		params.put("site", input.siteId());
		params.put("type", input.requestType());
		params.put("search", SearchTerms.vector(SearchTerms.Field.a(input.text())));
		params.put("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
		params.put("by", by);
		return params;
	}

	private static Phrase row(ResultSet rs, int n) throws SQLException {
		return new Phrase(rs.getLong("id"), Scene.valueOf(rs.getString("scene")), rs.getInt("position"),
				rs.getString("text"), rs.getObject("site_id", Long.class), rs.getString("request_type"),
				rs.getInt("version"));
	}
}
