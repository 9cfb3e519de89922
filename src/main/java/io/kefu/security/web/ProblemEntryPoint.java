package io.kefu.security.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** API authentication and authorization failures as RFC 9457 problem details. */
@Component
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String detail;
		if (ex instanceof ApiTokenFilter.InvalidTokenException) {
			detail = "API 令牌无效、已过期或已撤销";
		}
		else if (ex instanceof LockedException) {
			detail = "账号已锁定：连续输错密码次数过多，请稍后再试或联系管理员";
		}
		else if (ex instanceof DisabledException) {
			detail = "账号已停用，请联系管理员";
		}
		else if (request.getHeader("Authorization") != null) {
			detail = "工号或密码错误";
		}
		else {
			detail = "请先登录（HTTP Basic：工号和密码，或 API 令牌：Authorization: Bearer kefu_…）";
		}
		response.setHeader("WWW-Authenticate", ApiTokenFilter.carriesToken(request)
				? "Bearer realm=\"Kefu\", error=\"invalid_token\"" : "Basic realm=\"Kefu\"");
		write(response, HttpStatus.UNAUTHORIZED, "未登录", detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, "无权访问", "您的岗位没有这项操作的权限");
	}

	private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}
}
