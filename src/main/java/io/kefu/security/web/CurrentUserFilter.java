package io.kefu.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.domain.AccountRepository;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account for every request: its roles and sites as they are
 * now (an administrator's change applies at once), or signs out an account that was
 * disabled. The result is the request's {@link CurrentUser}. Not a bean: Boot would
 * also register a bean filter outside the security chain.
 */
class CurrentUserFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = CurrentUser.class.getName();

	private final AccountRepository accounts;

	CurrentUserFilter(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(ATTRIBUTE) == null) {
			resolve(request);
		}
		chain.doFilter(request, response);
	}

	private void resolve(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return;
		}
		AccountSummary account = accounts.findByUsername(authentication.getName())
			.filter(AccountSummary::enabled)
			.orElse(null);
		if (account == null) {
			SecurityContextHolder.clearContext();
			if (request.getSession(false) != null) {
				request.getSession(false).invalidate();
			}
			return;
		}
		use(authentication.getPrincipal(), account, request);
	}

	/** The request is the account's as it is now: its roles as authorities, and its {@link CurrentUser}. */
	static void use(Object principal, AccountSummary account, HttpServletRequest request) {
		var authorities = account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
		request.setAttribute(ATTRIBUTE, new CurrentUser(account.id(), account.username(), account.displayName(),
				account.roles(), account.siteIds()));
	}
}
