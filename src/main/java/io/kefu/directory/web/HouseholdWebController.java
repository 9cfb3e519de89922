package io.kefu.directory.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.kefu.directory.ArchiveDocumentKind;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finding households and the household page (一户一档). */
@Controller
class HouseholdWebController {

	private final Households households;

	private final Places places;

	HouseholdWebController(Households households, Places places) {
		this.households = households;
		this.places = places;
	}

	/** The search box and its results; htmx asks for the results only, as the agent types. */
	@GetMapping("/households")
	String list(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long site, @RequestParam(required = false) String cursor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("mayChange", households.mayChange(user));
		model.addAttribute("q", q);
		model.addAttribute("site", site);
		model.addAttribute("sites", places.sites(user));
		if (q != null && !q.isBlank()) {
			model.addAttribute("results", households.search(user, q));
		}
		else {
			model.addAttribute("page", households.list(user, site, null, cursor, null));
		}
		return htmx != null ? "directory/household-list :: results" : "directory/household-list";
	}

	@GetMapping("/households/{id}")
	String details(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("household", households.details(user, id));
		model.addAttribute("mayChange", households.mayChange(user));
		model.addAttribute("states", HouseholdState.values());
		model.addAttribute("personRoles", PersonRole.values());
		return "directory/household-detail";
	}

	@GetMapping("/households/{id}/views")
	String views(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("householdId", id);
		model.addAttribute("views", households.views(user, id));
		return "directory/household-views";
	}

	@GetMapping("/households/new")
	String newHousehold(CurrentUser user, Model model) {
		model.addAttribute("sites", places.sites(user));
		model.addAttribute("states", HouseholdState.values());
		model.addAttribute("personRoles", PersonRole.values());
		return "directory/household-new";
	}

	@PostMapping("/households")
	String create(CurrentUser user, HouseholdForm form) {
		List<PersonInput> people = form.personName() == null || form.personName().isBlank() ? List.of()
				: List.of(new PersonInput(form.personName(), form.personRole(), form.personPhone(), form.personIdNumber()));
		List<String> rooms = form.rooms() == null ? List.of()
				: Arrays.stream(form.rooms().split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
		long id = households.create(user, new HouseholdInput(form.siteId() == null ? 0 : form.siteId(), form.name(),
				form.state(), form.moveInDate(), form.note(), rooms, people));
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}")
	String update(CurrentUser user, @PathVariable long id, HouseholdForm form, RedirectAttributes redirect) {
		households.update(user, id, form.name(), form.state(), form.moveInDate(), form.note(),
				form.version() == null ? -1 : form.version());
		redirect.addFlashAttribute("notice", "已保存");
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/people")
	String addPerson(CurrentUser user, @PathVariable long id, PersonForm form) {
		households.addPerson(user, id, new PersonInput(form.name(), form.role(), form.phone(), form.idNumber()));
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/people/{personId}/delete")
	String removePerson(CurrentUser user, @PathVariable long id, @PathVariable long personId) {
		households.removePerson(user, personId);
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/rooms")
	String addRoom(CurrentUser user, @PathVariable long id, @RequestParam String code) {
		households.addRoom(user, id, code);
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/rooms/{roomId}/delete")
	String removeRoom(CurrentUser user, @PathVariable long id, @PathVariable long roomId) {
		households.removeRoom(user, id, roomId);
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/archive/{kind}")
	String recordDocument(CurrentUser user, @PathVariable long id, @PathVariable ArchiveDocumentKind kind,
			@RequestParam(defaultValue = "false") boolean onFile, @RequestParam(required = false) String note) {
		households.recordDocument(user, id, kind, onFile, note);
		return "redirect:/households/" + id + "#archive";
	}

	@PostMapping("/households/{id}/archive/{kind}/attachments")
	String attach(CurrentUser user, @PathVariable long id, @PathVariable ArchiveDocumentKind kind,
			@RequestParam("file") MultipartFile file) throws IOException {
		households.attach(user, id, kind, file.getOriginalFilename(), file.getContentType(), file.getBytes());
		return "redirect:/households/" + id + "#archive";
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable long id) {
		Households.StoredFile file = households.attachment(user, id);
		return Downloads.inline(file.filename(), file.contentType(), file.content());
	}

	record HouseholdForm(Long siteId, String name, HouseholdState state,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate moveInDate, String note, String rooms,
			String personName, PersonRole personRole, String personPhone, String personIdNumber, Integer version) {
	}

	record PersonForm(String name, PersonRole role, String phone, String idNumber) {
	}
}
