package io.kefu.script.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kefu.script.ForbiddenPhraseManagement;
import io.kefu.security.CurrentUser;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the texts that go to a customer where the pages send them — the answer given
 * at intake, and the result, corrective action and suggestion reply of 办结 — so that
 * a post that skipped the pages' check (no script, or made by hand) is refused with the
 * same reason, unless the agent recorded why the text is sent as it is. The request
 * module knows nothing of this: the forms' paths and fields are listed here.
 */
@Configuration(proxyBeanMethods = false)
class CustomerTextGuard implements WebMvcConfigurer, HandlerInterceptor {

	static final List<String> PATHS = List.of("/requests/new", "/requests/*/resolve");

	static final List<String> FIELDS = List.of("answer", "result", "correctiveAction", "reply");

	private final ForbiddenPhraseManagement forbidden;

	CustomerTextGuard(ForbiddenPhraseManagement forbidden) {
		this.forbidden = forbidden;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PATHS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if ("POST".equals(request.getMethod())
				&& request.getAttribute(CurrentUser.class.getName()) instanceof CurrentUser agent) {
			FIELDS.forEach(field -> forbidden.requireCheckedOrOverridden(agent, request.getParameter(field)));
		}
		return true;
	}
}
