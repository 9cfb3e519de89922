package io.kefu;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.kefu.directory.SiteKind;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.domain.Places;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;

import org.springframework.stereotype.Component;

/** Accounts and sites for tests, each with unique names so that tests never collide. */
@Component
public class StaffMother {

	private final AccountManagement accounts;

	private final Places places;

	public StaffMother(AccountManagement accounts, Places places) {
		this.accounts = accounts;
		this.places = places;
	}

	/** A signed-in user with the roles and sites given; {@link #password} holds the password. */
	public TestUser user(Set<Role> roles, List<Long> siteIds) {
		String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		AccountManagement.NewAccount account = accounts.createAccount(username, "测试" + username.substring(1, 4), roles,
				siteIds);
		return signedIn(accounts.findById(account.id()).orElseThrow(), account.password());
	}

	public TestUser administrator() {
		return user(EnumSet.of(Role.ADMINISTRATOR), List.of());
	}

	/** A new site owned by a new administrator, who is returned with it. */
	public SiteAndAdmin site() {
		TestUser admin = administrator();
		String code = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
		SiteSummary site = places.createSite(admin.user(), code, "测试小区" + code, SiteKind.RESIDENTIAL, "测试路1号");
		return new SiteAndAdmin(site, refreshed(admin));
	}

	public TestUser refreshed(TestUser user) {
		return signedIn(accounts.findById(user.user().accountId()).orElseThrow(), user.password());
	}

	/** An existing account (e.g. a staff member's) as a signed-in user. */
	public TestUser account(String username, String password) {
		return signedIn(accounts.findByUsername(username).orElseThrow(), password);
	}

	/** An existing account (e.g. a generated staff member's) as the user it signs in as. */
	public CurrentUser current(long accountId) {
		return signedIn(accounts.findById(accountId).orElseThrow(), null).user();
	}

	private static TestUser signedIn(AccountSummary summary, String password) {
		return new TestUser(new CurrentUser(summary.id(), summary.username(), summary.displayName(), summary.roles(),
				summary.siteIds()), password);
	}

	public record TestUser(CurrentUser user, String password) {

		public String username() {
			return user.username();
		}
	}

	public record SiteAndAdmin(SiteSummary site, TestUser admin) {
	}
}
