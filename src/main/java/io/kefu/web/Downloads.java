package io.kefu.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file sent to the browser under its own (Chinese) name. */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] content) {
		return response(ContentDisposition.attachment(), filename, contentType, content);
	}

	public static ResponseEntity<byte[]> inline(String filename, String contentType, byte[] content) {
		return response(ContentDisposition.inline(), filename, contentType, content);
	}

	private static ResponseEntity<byte[]> response(ContentDisposition.Builder disposition, String filename,
			String contentType, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(filename, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(contentType))
			.body(content);
	}
}
