package io.kefu.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/** The page a form was sent from: only its path and query, so never another site. */
final class PreviousPage {

	private PreviousPage() {
	}

	static String of(HttpServletRequest request, String fallback) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return fallback;
		}
		try {
			URI uri = URI.create(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/")) {
				return fallback;
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}
}
