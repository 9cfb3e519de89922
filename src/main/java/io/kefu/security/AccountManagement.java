package io.kefu.security;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.kefu.security.domain.AccountRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts that sign in to Kefu: their roles, their sites and their passwords. */
@Service
public class AccountManagement {

	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	AccountManagement(AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	/** Creates an account and returns its first password, to be handed to its owner once. */
	@Transactional
	public NewAccount createAccount(String username, String displayName, Set<Role> roles, Collection<Long> siteIds) {
		String password = randomPassword();
		try {
			long id = accounts.insert(username, displayName, passwordEncoder.encode(password), roles, siteIds);
			return new NewAccount(id, username, password);
		}
		catch (DuplicateKeyException ex) {
			throw new UsernameTakenException(username);
		}
	}

	@Transactional
	public void updateAccount(long id, String displayName, Set<Role> roles, Collection<Long> siteIds,
			boolean enabled) {
		accounts.update(id, displayName, roles, siteIds, enabled);
	}

	/** Gives the account a site it did not have (e.g. the site its owner just created). */
	@Transactional
	public void grantSite(long accountId, long siteId) {
		accounts.addSite(accountId, siteId);
	}

	/** Sets a new random password, clears any lockout and returns the password. */
	@Transactional
	public Optional<String> resetPassword(String username) {
		String password = randomPassword();
		return accounts.setPassword(username, passwordEncoder.encode(password)) == 1 ? Optional.of(password)
				: Optional.empty();
	}

	public Optional<AccountSummary> findById(long id) {
		return accounts.findById(id);
	}

	public Optional<AccountSummary> findByUsername(String username) {
		return accounts.findByUsername(username);
	}

	/**
	 * Accounts of staff working at any of the user's sites; administrators also see
	 * accounts without a site yet.
	 */
	public List<AccountSummary> findVisibleTo(CurrentUser user) {
		return accounts.findInSites(user.sites(), user.isAdministrator());
	}

	/** The enabled accounts with this role that work at the site. */
	public List<Long> withRoleAt(Role role, long siteId) {
		return accounts.withRoleAt(role, siteId);
	}

	public List<AccountSummary> findByIds(Collection<Long> ids) {
		return accounts.findByIds(ids);
	}

	static String randomPassword() {
		StringBuilder password = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	/** A freshly created account with its first password. */
	public record NewAccount(long id, String username, String password) {
	}
}
