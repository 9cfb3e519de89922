package io.kefu.security.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.kefu.security.AccountSummary;
import io.kefu.security.ApiTokenSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, stored by their hash; the token text never reaches the database. */
@Repository
public class ApiTokenRepository {

	private static final String SUMMARY = """
			select id, name, prefix, created_at, last_used_at, expires_at, revoked_at,
			       case when revoked_at is not null then 'REVOKED' when expires_at <= :now then 'EXPIRED'
			            else 'ACTIVE' end as state
			from security.api_token
			""";

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long accountId, String name, String token, Instant now, Instant expiresAt) {
		return jdbc.sql("""
				insert into security.api_token (account_id, name, token_hash, prefix, created_at, expires_at)
				values (:account, :name, :hash, :prefix, :now, :expires) returning id""")
			.param("account", accountId)
			.param("name", name)
			.param("hash", ApiTokenSecret.hash(token))
			.param("prefix", ApiTokenSecret.shownPart(token))
			.param("now", timestamp(now))
			.param("expires", timestamp(expiresAt))
			.query(Long.class)
			.single();
	}

	/**
	 * Tokens neither revoked nor expired, counted under a lock on the account row so
	 * that two requests at once cannot both pass the limit.
	 */
	public int countActiveLocking(long accountId, Instant now) {
		jdbc.sql("select id from security.account where id = :account for update")
			.param("account", accountId)
			.query(Long.class)
			.list();
		return jdbc.sql("""
				select count(*) from security.api_token
				where account_id = :account and revoked_at is null and (expires_at is null or expires_at > :now)""")
			.param("account", accountId)
			.param("now", timestamp(now))
			.query(Integer.class)
			.single();
	}

	/** The account's newest tokens first, at most {@code limit}. */
	public List<ApiTokenSummary> findByAccount(long accountId, Instant now, int limit) {
		return jdbc.sql(SUMMARY + " where account_id = :account order by created_at desc, id desc limit :limit")
			.param("account", accountId)
			.param("now", timestamp(now))
			.param("limit", limit)
			.query(ApiTokenRepository::summary)
			.list();
	}

	public Optional<ApiTokenSummary> findById(long id, long accountId, Instant now) {
		return jdbc.sql(SUMMARY + " where id = :id and account_id = :account")
			.param("id", id)
			.param("account", accountId)
			.param("now", timestamp(now))
			.query(ApiTokenRepository::summary)
			.optional();
	}

	/** Revokes the account's token; one already revoked keeps its first revocation time. */
	public boolean revoke(long id, long accountId, Instant now) {
		return jdbc.sql("""
				update security.api_token set revoked_at = coalesce(revoked_at, :now)
				where id = :id and account_id = :account""")
			.param("id", id)
			.param("account", accountId)
			.param("now", timestamp(now))
			.update() == 1;
	}

	/** The token with its account, for authenticating an API call: one probe of the unique hash index. */
	private static final String OWNER = "select t.id as token_id, t.expires_at, t.revoked_at, t.last_used_at, "
			+ AccountRepository.COLUMNS.replaceAll("(\\w+)", "a.$1") + """
			 from security.api_token t join security.account a on a.id = t.account_id
			where t.token_hash = :hash""";

	/** The token with its account as it is now (roles and sites included), in one query. */
	public Optional<TokenOwner> findOwner(String token) {
		return jdbc.sql(OWNER)
			.param("hash", ApiTokenSecret.hash(token))
			.query((rs, row) -> new TokenOwner(rs.getLong("token_id"), AccountRepository.summary(rs, row),
					instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at")))
			.optional();
	}

	/** Records a use; a token used again within the minute is not written again. */
	public void recordUse(long id, Instant now) {
		jdbc.sql("""
				update security.api_token set last_used_at = :now
				where id = :id and (last_used_at is null or last_used_at < :now - interval '1 minute')""")
			.param("id", id)
			.param("now", timestamp(now))
			.update();
	}

	private static ApiTokenSummary summary(ResultSet rs, int row) throws SQLException {
		return new ApiTokenSummary(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
				instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
				instant(rs, "revoked_at"), ApiTokenSummary.State.valueOf(rs.getString("state")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A token and the state of its account at the time of an API call. */
	public record TokenOwner(long tokenId, AccountSummary account, Instant expiresAt, Instant revokedAt,
			Instant lastUsedAt) {

		public boolean isUsableAt(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}

		public boolean isLockedAt(Instant now) {
			return account.lockedUntil() != null && account.lockedUntil().isAfter(now);
		}

		/** Whether the last use is old enough to be written again. */
		public boolean lastUseOlderThanAMinute(Instant now) {
			return lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60));
		}
	}
}
