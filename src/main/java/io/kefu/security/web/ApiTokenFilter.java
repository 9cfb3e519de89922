package io.kefu.security.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.domain.ApiTokenRepository;
import io.kefu.security.domain.ApiTokenRepository.TokenOwner;
import io.kefu.security.domain.ApiTokenSecret;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API call that carries {@code Authorization: Bearer kefu_…} as the
 * token's account, read with the token in one query: its roles and sites as they are
 * now, so {@link CurrentUserFilter} has nothing left to read. A bad token ends the call
 * with a 401 at once rather than falling back to anonymous.
 * Not a bean, for the same reason as {@link CurrentUserFilter}.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer";

	private final ApiTokenRepository tokens;

	private final Clock clock;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityContextRepository contextRepository;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(ApiTokenRepository tokens, Clock clock, AuthenticationEntryPoint entryPoint,
			SecurityContextRepository contextRepository) {
		this.tokens = tokens;
		this.clock = clock;
		this.entryPoint = entryPoint;
		this.contextRepository = contextRepository;
	}

	static boolean carriesToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& (header.length() == BEARER.length() || header.charAt(BEARER.length()) == ' ');
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			authenticate(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip(), request,
					response);
		}
		catch (AuthenticationException ex) {
			contextHolder.clearContext();
			entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private void authenticate(String token, HttpServletRequest request, HttpServletResponse response) {
		if (!ApiTokenSecret.isWellFormed(token)) {
			throw new InvalidTokenException();
		}
		TokenOwner owner = tokens.findOwner(token).orElseThrow(InvalidTokenException::new);
		Instant now = clock.instant();
		if (!owner.isUsableAt(now)) {
			throw new InvalidTokenException();
		}
		if (!owner.account().enabled()) {
			throw new DisabledException("account disabled");
		}
		if (owner.isLockedAt(now)) {
			throw new LockedException("account locked");
		}
		if (owner.lastUseOlderThanAMinute(now)) {
			tokens.recordUse(owner.tokenId(), now);
		}
		SecurityContext context = contextHolder.createEmptyContext();
		contextHolder.setContext(context);
		CurrentUserFilter.use(owner.account().username(), owner.account(), request);
		contextRepository.saveContext(context, request, response);
	}

	/** A token that is malformed, unknown, expired or revoked; which one is not told. */
	static class InvalidTokenException extends AuthenticationException {

		InvalidTokenException() {
			super("invalid API token");
		}
	}
}
