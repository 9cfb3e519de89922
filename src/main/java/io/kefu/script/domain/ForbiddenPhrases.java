package io.kefu.script.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.kefu.script.ForbiddenPhrase;
import io.kefu.script.ForbiddenPhraseInput;
import io.kefu.script.PhraseOverride;
import io.kefu.security.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The forbidden list and the overrides: texts sent with forbidden phrases, with the reason. */
@Component
public class ForbiddenPhrases {

	private static final String COLUMNS = "id, phrase, standalone, suggestion, allowed";

	private static final String OVERRIDE_COLUMNS = "id, agent_username, agent_name, context, reference, phrases, text, reason, occurred_at";

	private final JdbcClient jdbc;

	ForbiddenPhrases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ForbiddenPhrase> all() {
		return jdbc.sql("select " + COLUMNS + " from script.forbidden_phrase order by phrase").query(ForbiddenPhrases::row).list();
	}

	public Optional<ForbiddenPhrase> findByPhrase(String phrase) {
		return jdbc.sql("select " + COLUMNS + " from script.forbidden_phrase where phrase = :phrase")
			.param("phrase", phrase)
			.query(ForbiddenPhrases::row)
			.optional();
	}

	public long create(ForbiddenPhraseInput input, String by, Instant at) {
		return jdbc.sql("""
				insert into script.forbidden_phrase (phrase, standalone, suggestion, allowed, created_at, created_by)
				values (:phrase, :standalone, :suggestion, :allowed, :at, :by) returning id""")
			.param("phrase", input.phrase())
			.param("standalone", input.standalone())
			.param("suggestion", input.suggestion())
			.param("allowed", input.allowed().toArray(String[]::new))
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	public boolean delete(long id) {
		return jdbc.sql("delete from script.forbidden_phrase where id = :id").param("id", id).update() == 1;
	}

	public long recordOverride(CurrentUser agent, String context, String reference, List<String> phrases, String text,
			String reason, Instant at) {
		return jdbc.sql("""
				insert into script.forbidden_override
				       (account_id, agent_username, agent_name, context, reference, phrases, text, reason, occurred_at)
				values (:account, :username, :name, :context, :reference, :phrases, :text, :reason, :at) returning id""")
			.param("account", agent.accountId())
			.param("username", agent.username())
			.param("name", agent.displayName())
			.param("context", context)
			.param("reference", reference)
			.param("phrases", phrases.toArray(String[]::new))
			.param("text", text)
			.param("reason", reason)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/** Whether the agent recorded a reason for sending exactly this text since {@code since}. */
	public boolean overridden(long accountId, String text, Instant since) {
		return jdbc.sql("""
				select exists (select 1 from script.forbidden_override
				               where occurred_at >= :since and account_id = :account and text = :text)""")
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.param("account", accountId)
			.param("text", text)
			.query(Boolean.class)
			.single();
	}

	/** Overrides from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most {@code limit}. */
	public List<PhraseOverride> overrides(Instant from, Instant to, int limit) {
		return jdbc.sql("select " + OVERRIDE_COLUMNS + """
				 from script.forbidden_override where occurred_at >= :from and occurred_at < :to
				order by occurred_at desc, id desc limit :limit""")
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.param("limit", limit)
			.query(ForbiddenPhrases::overrideRow)
			.list();
	}

	private static ForbiddenPhrase row(ResultSet rs, int n) throws SQLException {
		return new ForbiddenPhrase(rs.getLong("id"), rs.getString("phrase"), rs.getBoolean("standalone"),
				rs.getString("suggestion"), strings(rs.getArray("allowed")));
	}

	private static PhraseOverride overrideRow(ResultSet rs, int n) throws SQLException {
		return new PhraseOverride(rs.getLong("id"), rs.getString("agent_username"), rs.getString("agent_name"),
				rs.getString("context"), rs.getString("reference"), strings(rs.getArray("phrases")),
				rs.getString("text"), rs.getString("reason"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}
}
