package io.kefu.script.rest;

import java.time.LocalDate;
import java.util.List;

import io.kefu.KefuApplication;
import io.kefu.script.CheckedText;
import io.kefu.script.ForbiddenPhrase;
import io.kefu.script.ForbiddenPhraseInput;
import io.kefu.script.ForbiddenPhraseManagement;
import io.kefu.script.OverrideInput;
import io.kefu.script.PhraseOverride;
import io.kefu.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The forbidden list, the check of a text, and the overrides with their reasons. */
@RestController
@RequestMapping("/api/v1/forbidden-phrases")
class ForbiddenPhraseRestController {

	private final ForbiddenPhraseManagement forbidden;

	ForbiddenPhraseRestController(ForbiddenPhraseManagement forbidden) {
		this.forbidden = forbidden;
	}

	@GetMapping
	List<ForbiddenPhrase> list() {
		return forbidden.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ForbiddenPhrase add(CurrentUser user, @RequestBody ForbiddenPhraseInput input) {
		return forbidden.add(user, input);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(CurrentUser user, @PathVariable long id) {
		forbidden.remove(user, id);
	}

	@PostMapping("/check")
	CheckedText check(@RequestBody TextRequest request) {
		return forbidden.check(request.text());
	}

	@PostMapping("/overrides")
	@ResponseStatus(HttpStatus.CREATED)
	PhraseOverride override(CurrentUser user, @RequestBody OverrideInput input) {
		return forbidden.recordOverride(user, input);
	}

	/** The overrides from {@code from} to {@code to}, both days included (China Standard Time). */
	@GetMapping("/overrides")
	List<PhraseOverride> overrides(CurrentUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return forbidden.overrides(user, from.atStartOfDay(KefuApplication.ZONE).toInstant(),
				to.plusDays(1).atStartOfDay(KefuApplication.ZONE).toInstant());
	}

	record TextRequest(String text) {
	}
}
