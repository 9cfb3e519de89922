package io.kefu.directory.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The .xlsx downloads, streamed into the response, for pages and the API alike:
 * every check is made before the first byte is sent.
 */
@Component
class ImportDownloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final HouseholdExport export;

	private final Clock clock;

	ImportDownloads(HouseholdExport export, Clock clock) {
		this.export = export;
		this.clock = clock;
	}

	void template(CurrentUser user, HttpServletResponse response) throws IOException {
		HouseholdImports.requireRole(user);
		headers(response, ImportTemplate.FILENAME);
		ImportTemplate.write(response.getOutputStream());
	}

	void households(CurrentUser user, Long siteId, HttpServletResponse response) throws IOException {
		export.checkSite(user, siteId);
		headers(response, HouseholdExport.filename(LocalDate.now(clock)));
		export.write(user, siteId, response.getOutputStream());
	}

	private static void headers(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}
}
