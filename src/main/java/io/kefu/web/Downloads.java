package io.kefu.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file sent to the browser under its own (Chinese) name. */
public final class Downloads {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Downloads() {
	}

	public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] content) {
		return response(ContentDisposition.attachment(), filename, contentType, content);
	}

	public static ResponseEntity<byte[]> inline(String filename, String contentType, byte[] content) {
		return response(ContentDisposition.inline(), filename, contentType, content);
	}

	/** Headers of a file written straight into the response as it is made; never cached. */
	public static void streamed(HttpServletResponse response, String filename, String contentType) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static ResponseEntity<byte[]> response(ContentDisposition.Builder disposition, String filename,
			String contentType, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(filename, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(contentType))
			.body(content);
	}
}
