package io.kefu.security.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.security.AccountSummary;
import io.kefu.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

	static final String COLUMNS = "id, username, display_name, roles, site_ids, enabled, locked_until";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String username, String displayName, String passwordHash, Set<Role> roles,
			Collection<Long> siteIds) {
		return jdbc.sql("""
				insert into security.account (username, display_name, password_hash, roles, site_ids)
				values (:username, :displayName, :hash, :roles, :sites) returning id""")
			.param("username", username)
			.param("displayName", displayName)
			.param("hash", passwordHash)
			.param("roles", roleNames(roles))
			.param("sites", siteIds.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	public Optional<AccountSummary> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from security.account where id = :id")
			.param("id", id)
			.query(AccountRepository::summary)
			.optional();
	}

	public Optional<AccountSummary> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from security.account where username = :username")
			.param("username", username)
			.query(AccountRepository::summary)
			.optional();
	}

	public List<AccountSummary> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from security.account where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(AccountRepository::summary)
			.list();
	}

	/** Accounts assigned to any of the sites, and with {@code unassigned} those with none. */
	public List<AccountSummary> findInSites(Long[] siteIds, boolean unassigned) {
		return jdbc.sql("select " + COLUMNS + """
				 from security.account
				where site_ids && :sites or (:unassigned and cardinality(site_ids) = 0)""")
			.param("sites", siteIds)
			.param("unassigned", unassigned)
			.query(AccountRepository::summary)
			.list();
	}

	public List<Long> withRoleAt(Role role, long siteId) {
		return jdbc.sql("""
				select id from security.account
				where enabled and :role = any(roles) and :site = any(site_ids) order by id""")
			.param("role", role.name())
			.param("site", siteId)
			.query(Long.class)
			.list();
	}

	public Optional<String> passwordHash(String username) {
		return jdbc.sql("select password_hash from security.account where username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	public boolean isEmpty() {
		return !jdbc.sql("select exists (select 1 from security.account)").query(Boolean.class).single();
	}

	public void update(long id, String displayName, Set<Role> roles, Collection<Long> siteIds, boolean enabled) {
		jdbc.sql("""
				update security.account set display_name = :displayName, roles = :roles, site_ids = :sites,
				       enabled = :enabled, version = version + 1
				where id = :id""")
			.param("id", id)
			.param("displayName", displayName)
			.param("roles", roleNames(roles))
			.param("sites", siteIds.toArray(Long[]::new))
			.param("enabled", enabled)
			.update();
	}

	public void addSite(long id, long siteId) {
		jdbc.sql("""
				update security.account set site_ids = array_append(site_ids, :site), version = version + 1
				where id = :id and not (:site = any(site_ids))""")
			.param("id", id)
			.param("site", siteId)
			.update();
	}

	public int setPassword(String username, String passwordHash) {
		return jdbc.sql("""
				update security.account set password_hash = :hash, failed_attempts = 0, locked_until = null,
				       version = version + 1
				where username = :username""")
			.param("username", username)
			.param("hash", passwordHash)
			.update();
	}

	/** Counts a wrong password and locks the account when the count reaches the limit. */
	public void recordFailure(String username, int maxAttempts, Instant lockUntil) {
		jdbc.sql("""
				update security.account
				set failed_attempts = failed_attempts + 1,
				    locked_until = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end
				where username = :username""")
			.param("username", username)
			.param("max", maxAttempts)
			.param("lockUntil", OffsetDateTime.ofInstant(lockUntil, java.time.ZoneOffset.UTC))
			.update();
	}

	public void recordSuccess(String username) {
		jdbc.sql("""
				update security.account set failed_attempts = 0, locked_until = null
				where username = :username and (failed_attempts > 0 or locked_until is not null)""")
			.param("username", username)
			.update();
	}

	public int failedAttempts(String username) {
		return jdbc.sql("select failed_attempts from security.account where username = :username")
			.param("username", username)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private static String[] roleNames(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toArray(String[]::new);
	}

	static AccountSummary summary(ResultSet rs, int row) throws SQLException {
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		return new AccountSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				roles(rs.getArray("roles")), siteIds(rs.getArray("site_ids")), rs.getBoolean("enabled"),
				lockedUntil == null ? null : lockedUntil.toInstant());
	}

	private static Set<Role> roles(Array array) throws SQLException {
		String[] names = (String[]) array.getArray();
		return names.length == 0 ? EnumSet.noneOf(Role.class)
				: Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	private static List<Long> siteIds(Array array) throws SQLException {
		return List.of((Long[]) array.getArray());
	}
}
