package io.kefu.report.rest;

import java.time.LocalDate;

import io.kefu.report.PackKind;
import io.kefu.report.ReportPack;
import io.kefu.report.ReportPacks;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Page;
import io.kefu.web.Downloads;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report packs (monthly and quarterly workbooks) of the caller's sites. */
@RestController
@RequestMapping("/api/v1/reports/packs")
class ReportPackRestController {

	private final ReportPacks packs;

	ReportPackRestController(ReportPacks packs) {
		this.packs = packs;
	}

	/** The packs, the newest first; {@code cursor} is the {@code nextCursor} of the page before. */
	@GetMapping
	Page<ReportPack> list(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
		return packs.list(user, site, cursor, size);
	}

	/** Makes the pack of the site and the month or quarter containing {@code day} now, over the one made before. */
	@PostMapping
	ReportPack generate(CurrentUser user, @RequestParam long site, @RequestParam PackKind kind,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return packs.generate(user, site, kind, day);
	}

	@GetMapping("/{id}/file")
	ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long id) {
		ReportPack pack = packs.pack(user, id);
		return Downloads.attachment(pack.fileName(), Downloads.XLSX, packs.content(user, id));
	}
}
