package io.kefu.request.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.HouseholdCard;
import io.kefu.directory.RoomSummary;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.StaffSummary;
import io.kefu.request.Channel;
import io.kefu.request.PhotoUpload;
import io.kefu.request.Registration;
import io.kefu.request.RequestIntake;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.domain.RequestLookups;
import io.kefu.request.domain.RequestLookups.Line;
import io.kefu.request.domain.RequestPhotos;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.RoomCode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The intake screen (受理), built for a live phone call: the search box brings up the
 * household cards, the form beside them registers the request, and saving leaves a
 * clean form and the new number to read out.
 */
@Controller
class IntakeWebController {

	static final int CARDS = 5;

	static final int LATEST = 5;

	static final Duration REPEAT_WINDOW = Duration.ofDays(30);

	private static final String PAGE = "request/request-intake";

	/** Where a message from the rules lands when its field is not the form's own name. */
	private static final Map<String, String> FORM_FIELDS = Map.of("roomId", "roomCode");

	private final RequestIntake intake;

	private final ServiceRequestManagement requests;

	private final RequestLookups lookups;

	private final DirectoryManagement directory;

	private final Clock clock;

	IntakeWebController(RequestIntake intake, ServiceRequestManagement requests, RequestLookups lookups,
			DirectoryManagement directory, Clock clock) {
		this.intake = intake;
		this.requests = requests;
		this.lookups = lookups;
		this.directory = directory;
		this.clock = clock;
	}

	/** The screen; as the agent types into the search box, htmx asks for the household cards only. */
	@GetMapping("/requests/new")
	String intake(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) Long siteId,
			@RequestParam(required = false) String roomCode,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		cards(user, q, categoryId, typedRoom(user, siteId, roomCode), model);
		if (htmx != null) {
			return PAGE + " :: households";
		}
		model.addAttribute("q", q);
		form(user, null, model);
		return PAGE;
	}

	/** The category select and the fields of the chosen type; the answer field follows out of band. */
	@GetMapping("/requests/new/categories")
	String typeFields(CurrentUser user, IntakeForm form, Model model, HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("categories", form.type() == null ? List.of() : requests.categories(form.type()));
		model.addAttribute("staff", concernedChoices(user, form));
		model.addAttribute("oob", true);
		// the cards' repeat warnings were for a category of the type before
		response.setHeader("HX-Trigger-After-Settle", "kefu-category");
		return PAGE + " :: typeChange";
	}

	/** The public areas of the chosen site, and its staff out of band for a praise or complaint. */
	@GetMapping("/requests/new/areas")
	String areas(CurrentUser user, IntakeForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("areas", form.siteId() == null ? List.of() : directory.publicAreas(user, form.siteId()));
		model.addAttribute("staff", concernedChoices(user, form));
		model.addAttribute("concernedOob", true);
		return PAGE + " :: siteChange";
	}

	/** A card's warning when the household, its rooms or the room typed reported the category chosen lately. */
	@GetMapping("/requests/new/repeats")
	String repeats(CurrentUser user, @RequestParam long householdId,
			@RequestParam(name = "roomId", required = false) List<Long> roomIds,
			@RequestParam(required = false) Long categoryId, @RequestParam(required = false) Long siteId,
			@RequestParam(required = false) String roomCode, Model model) {
		List<Long> rooms = new ArrayList<>(roomIds == null ? List.of() : roomIds);
		Long typed = typedRoom(user, siteId, roomCode);
		if (typed != null) {
			rooms.add(typed);
		}
		model.addAttribute("householdId", householdId);
		model.addAttribute("roomIds", roomIds == null ? List.of() : roomIds);
		model.addAttribute("repeats", categoryId == null ? List.of()
				: lookups.sameCategorySince(user, categoryId, List.of(householdId), rooms, since()));
		return PAGE + " :: repeats";
	}

	/**
	 * Registers the request with its photos. htmx gets a clean form with the number to
	 * read out; an error comes back beside the form with everything typed still there.
	 */
	@PostMapping("/requests/new")
	String register(CurrentUser user, IntakeForm form,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		List<PhotoUpload> photos = uploads(files);
		Registration registration;
		try {
			registration = intake.register(user, form.toNewRequest(), photos, form.key());
		}
		catch (InvalidInputException ex) {
			form(user, form, model);
			model.addAttribute("formError", ex.getMessage());
			model.addAttribute("errorField", FORM_FIELDS.getOrDefault(ex.field(), ex.field()));
			model.addAttribute("photosDropped", !photos.isEmpty());
			if (htmx != null) {
				response.setHeader("HX-Trigger-After-Settle", "kefu-rejected");
				return PAGE + " :: intakeForm";
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return PAGE;
		}
		if (htmx == null) {
			redirect.addFlashAttribute("registered", Registered.of(registration));
			return "redirect:/requests/new";
		}
		form(user, null, model);
		model.addAttribute("registered", Registered.of(registration));
		model.addAttribute("oob", true);
		response.setHeader("HX-Trigger-After-Settle", "kefu-registered");
		return PAGE + " :: saved";
	}

	/** The number to read out, kept in the session across the redirect after a plain form post. */
	record Registered(long id, String number, boolean closed) implements Serializable {

		static Registered of(Registration registration) {
			return new Registered(registration.id(), registration.number(),
					registration.status() == RequestStatus.CLOSED);
		}
	}

	/** The form as typed, or a fresh one for the next call when {@code typed} is null. */
	private void form(CurrentUser user, IntakeForm typed, Model model) {
		List<SiteSummary> sites = directory.sites(user);
		IntakeForm form = typed == null ? IntakeForm.blank(sites) : typed;
		model.addAttribute("form", form);
		model.addAttribute("sites", sites);
		model.addAttribute("types", RequestType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", form.type() == null ? List.of() : requests.categories(form.type()));
		model.addAttribute("areas", form.siteId() == null ? List.of() : directory.publicAreas(user, form.siteId()));
		model.addAttribute("staff", concernedChoices(user, form));
		model.addAttribute("maxPhotoBytes", RequestPhotos.MAX_BYTES);
		model.addAttribute("maxPhotos", RequestPhotos.MAX_PHOTOS);
		model.addAttribute("maxDescription", ServiceRequestManagement.MAX_DESCRIPTION);
	}

	/** Whom a praise or complaint at the chosen site may name: the site's staff. */
	private List<StaffSummary> concernedChoices(CurrentUser user, IntakeForm form) {
		return form.siteId() == null || form.type() == null || !form.type().concernsStaff() ? List.of()
				: directory.staffAt(user, form.siteId());
	}

	/** The household cards: people and rooms, open and latest requests, and repeats of the category chosen. */
	private void cards(CurrentUser user, String q, Long categoryId, Long typedRoom, Model model) {
		if (q == null || q.isBlank()) {
			return;
		}
		List<HouseholdCard> found = directory.findHouseholdCards(user, q, CARDS + 1);
		List<HouseholdCard> shown = found.stream().limit(CARDS).toList();
		List<Long> ids = shown.stream().map(c -> c.household().id()).toList();
		Map<Long, List<Line>> open = byHousehold(lookups.openOf(user, ids));
		Map<Long, List<Line>> latest = byHousehold(lookups.latestOf(user, ids, LATEST));
		List<Line> repeats = List.of();
		if (categoryId != null) {
			Set<Long> rooms = shown.stream()
				.flatMap(c -> c.rooms().stream().map(RoomSummary::id))
				.collect(Collectors.toCollection(HashSet::new));
			if (typedRoom != null) {
				rooms.add(typedRoom);
			}
			repeats = lookups.sameCategorySince(user, categoryId, ids, rooms, since());
		}
		List<CardView> cards = new ArrayList<>();
		for (HouseholdCard card : shown) {
			List<Long> roomIds = card.rooms().stream().map(RoomSummary::id).toList();
			cards.add(new CardView(card, roomIds, open.getOrDefault(card.household().id(), List.of()),
					latest.getOrDefault(card.household().id(), List.of()),
					concerning(repeats, card.household().id(), roomIds, typedRoom)));
		}
		model.addAttribute("cards", cards);
		model.addAttribute("moreHouseholds", found.size() > CARDS);
		model.addAttribute("cardLimit", CARDS);
	}

	/** A household card with what the request module knows of the household. */
	record CardView(HouseholdCard card, List<Long> roomIds, List<Line> open, List<Line> latest, List<Line> repeats) {
	}

	private static List<Line> concerning(List<Line> repeats, long householdId, Collection<Long> roomIds, Long typedRoom) {
		return repeats.stream()
			.filter(l -> Long.valueOf(householdId).equals(l.householdId()) || roomIds.contains(l.roomId())
					|| (typedRoom != null && typedRoom.equals(l.roomId())))
			.toList();
	}

	private static Map<Long, List<Line>> byHousehold(List<Line> lines) {
		return lines.stream().collect(Collectors.groupingBy(Line::householdId));
	}

	/** The room typed into the form, if it is a room of the chosen site; anything else is no room yet. */
	private Long typedRoom(CurrentUser user, Long siteId, String roomCode) {
		if (siteId == null || roomCode == null || roomCode.isBlank()) {
			return null;
		}
		try {
			return directory.roomByCode(user, siteId, RoomCode.parse(roomCode).value()).map(RoomSummary::id).orElse(null);
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	private Instant since() {
		return clock.instant().minus(REPEAT_WINDOW);
	}

	/** The files chosen; an empty file input sends one nameless, empty part, which is no photo. */
	private static List<PhotoUpload> uploads(List<MultipartFile> files) throws IOException {
		List<PhotoUpload> photos = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			boolean unnamed = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
			if (unnamed && file.isEmpty()) {
				continue;
			}
			photos.add(new PhotoUpload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
		}
		return photos;
	}
}
