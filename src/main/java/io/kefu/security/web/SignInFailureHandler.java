package io.kefu.security.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.domain.AccountRepository;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed sign-in back to the form with the reason; the attempt that
 * reaches the limit already reports the lock.
 */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {

	private final AccountRepository accounts;

	private final Clock clock;

	SignInFailureHandler(AccountRepository accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String username = request.getParameter("username");
		String reason;
		if (ex instanceof DisabledException) {
			reason = "disabled";
		}
		else if (ex instanceof LockedException || isLockedNow(username)) {
			reason = "locked";
		}
		else {
			reason = "bad";
		}
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

	private boolean isLockedNow(String username) {
		return username != null && accounts.findByUsername(username)
			.map(a -> a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant()))
			.orElse(false);
	}
}
