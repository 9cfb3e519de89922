package io.kefu.directory.rest;

import java.io.IOException;
import java.util.List;

import io.kefu.directory.ArchiveDocumentKind;
import io.kefu.directory.HouseholdDetails;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.HouseholdSummary;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonalDataView;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Households.StoredFile;
import io.kefu.directory.rest.DirectoryRequests.Created;
import io.kefu.directory.rest.DirectoryRequests.DocumentRequest;
import io.kefu.directory.rest.DirectoryRequests.HouseholdUpdateRequest;
import io.kefu.directory.rest.DirectoryRequests.RoomLinkRequest;
import io.kefu.security.CurrentUser;
import io.kefu.shared.Page;
import io.kefu.web.Downloads;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Households with their people, rooms and archive, of the caller's sites. */
@RestController
@RequestMapping("/api/v1")
class HouseholdRestController {

	private final Households households;

	HouseholdRestController(Households households) {
		this.households = households;
	}

	@GetMapping("/households")
	Page<HouseholdSummary> list(CurrentUser user, @RequestParam(required = false) Long site,
			@RequestParam(required = false) HouseholdState state, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		return households.list(user, site, state, cursor, size);
	}

	@GetMapping("/households/search")
	List<HouseholdSummary> search(CurrentUser user, @RequestParam String q) {
		return households.search(user, q);
	}

	@GetMapping("/households/{id}")
	HouseholdDetails household(CurrentUser user, @PathVariable long id) {
		return households.details(user, id);
	}

	@GetMapping("/households/{id}/views")
	List<PersonalDataView> views(CurrentUser user, @PathVariable long id) {
		return households.views(user, id);
	}

	@PostMapping("/households")
	@ResponseStatus(HttpStatus.CREATED)
	Created create(CurrentUser user, @RequestBody HouseholdInput input) {
		return new Created(households.create(user, input));
	}

	@PutMapping("/households/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(CurrentUser user, @PathVariable long id, @RequestBody HouseholdUpdateRequest request) {
		households.update(user, id, request.name(), request.state(), request.moveInDate(), request.note(),
				request.version());
	}

	@PostMapping("/households/{id}/people")
	@ResponseStatus(HttpStatus.CREATED)
	Created addPerson(CurrentUser user, @PathVariable long id, @RequestBody PersonInput person) {
		return new Created(households.addPerson(user, id, person));
	}

	@PutMapping("/people/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void updatePerson(CurrentUser user, @PathVariable long id, @RequestBody PersonInput person) {
		households.updatePerson(user, id, person);
	}

	@DeleteMapping("/people/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removePerson(CurrentUser user, @PathVariable long id) {
		households.removePerson(user, id);
	}

	@PostMapping("/households/{id}/rooms")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addRoom(CurrentUser user, @PathVariable long id, @RequestBody RoomLinkRequest request) {
		households.addRoom(user, id, request.code());
	}

	@DeleteMapping("/households/{id}/rooms/{roomId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeRoom(CurrentUser user, @PathVariable long id, @PathVariable long roomId) {
		households.removeRoom(user, id, roomId);
	}

	@PutMapping("/households/{id}/archive/{kind}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void recordDocument(CurrentUser user, @PathVariable long id, @PathVariable ArchiveDocumentKind kind,
			@RequestBody DocumentRequest request) {
		households.recordDocument(user, id, kind, request.onFile(), request.note());
	}

	@PostMapping(path = "/households/{id}/archive/{kind}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Created attach(CurrentUser user, @PathVariable long id, @PathVariable ArchiveDocumentKind kind,
			@RequestPart("file") MultipartFile file) throws IOException {
		return new Created(households.attach(user, id, kind, file.getOriginalFilename(), file.getContentType(),
				file.getBytes()));
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable long id) {
		StoredFile file = households.attachment(user, id);
		return Downloads.attachment(file.filename(), file.contentType(), file.content());
	}
}
