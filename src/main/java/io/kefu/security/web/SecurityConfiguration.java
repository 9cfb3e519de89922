package io.kefu.security.web;

import java.time.Clock;
import java.time.Instant;

import io.kefu.security.Role;
import io.kefu.security.SecuritySettings;
import io.kefu.security.domain.AccountRepository;
import io.kefu.security.domain.ApiTokenRepository;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String ADMINISTRATOR = Role.ADMINISTRATOR.name();

	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No observation around each security filter: the HTTP request is observed as a
	 * whole already, and wrapping the dozen filters of every call cost the API's intake
	 * measurable CPU.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	UserDetailsService userDetailsService(JdbcClient jdbc, Clock clock) {
		return username -> jdbc.sql("""
				select username, password_hash, roles, enabled, locked_until
				from security.account where username = :username""")
			.param("username", username)
			.query((rs, row) -> {
				java.time.OffsetDateTime lockedUntil = rs.getObject("locked_until", java.time.OffsetDateTime.class);
				return User.withUsername(rs.getString("username"))
					.password(rs.getString("password_hash"))
					.roles((String[]) rs.getArray("roles").getArray())
					.disabled(!rs.getBoolean("enabled"))
					.accountLocked(lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant()))
					.build();
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemEntryPoint entryPoint, AccountRepository accounts,
			ApiTokenRepository tokens, Clock clock) throws Exception {
		var contextRepository = new RequestAttributeSecurityContextRepository();
		return http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(contextRepository))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new ApiTokenFilter(tokens, clock, entryPoint, contextRepository),
					BasicAuthenticationFilter.class)
			.addFilterBefore(new CurrentUserFilter(accounts), AuthorizationFilter.class)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, SignInFailureHandler failureHandler,
			AccountRepository accounts) throws Exception {
		return http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/lang")
				.permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/admin/**")
				.hasRole(ADMINISTRATOR)
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler).defaultSuccessUrl("/", false))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.invalidSessionUrl("/login?expired"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'")))
			.addFilterBefore(new CurrentUserFilter(accounts), AuthorizationFilter.class)
			.build();
	}

	/** Counts wrong passwords and locks the account after too many in a row. */
	@Bean
	LockoutListener lockoutListener(AccountRepository accounts, SecuritySettings settings, Clock clock) {
		return new LockoutListener(accounts, settings, clock);
	}

	static class LockoutListener {

		private final AccountRepository accounts;

		private final SecuritySettings settings;

		private final Clock clock;

		LockoutListener(AccountRepository accounts, SecuritySettings settings, Clock clock) {
			this.accounts = accounts;
			this.settings = settings;
			this.clock = clock;
		}

		@EventListener
		void onFailure(AuthenticationFailureBadCredentialsEvent event) {
			Instant lockUntil = clock.instant().plus(settings.lockDuration());
			accounts.recordFailure(event.getAuthentication().getName(), settings.maxFailedAttempts(), lockUntil);
		}

		@EventListener
		void onSuccess(AuthenticationSuccessEvent event) {
			accounts.recordSuccess(event.getAuthentication().getName());
		}
	}

}
