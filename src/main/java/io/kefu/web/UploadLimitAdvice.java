package io.kefu.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A file over the upload limit is refused while the request is read, before any
 * handler is chosen, so only an advice for every controller sees it: the API
 * answers with a problem detail, a page goes back where the form was with
 * {@code ?uploadTooLarge}, which the layout shows as a message.
 */
@ControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<?> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ApiExceptionHandler.uploadTooLarge());
		}
		String back = UriComponentsBuilder.fromUriString(PreviousPage.of(request, request.getRequestURI()))
			.replaceQueryParam("uploadTooLarge")
			.queryParam("uploadTooLarge")
			.build()
			.toUriString();
		if (request.getHeader("HX-Request") != null) {
			return ResponseEntity.ok().header("HX-Redirect", back).build();
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, back).build();
	}
}
