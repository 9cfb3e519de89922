package io.kefu.directory.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;

import org.springframework.stereotype.Component;

/**
 * The .xlsx downloads, streamed into the response, for pages and the API alike:
 * every check is made before the first byte is sent.
 */
@Component
class ImportDownloads {

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
		Downloads.streamed(response, filename, Downloads.XLSX);
	}
}
