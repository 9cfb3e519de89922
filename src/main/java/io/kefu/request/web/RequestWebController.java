package io.kefu.request.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import io.kefu.directory.BuildingSummary;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.SiteSummary;
import io.kefu.request.Category;
import io.kefu.request.Channel;
import io.kefu.request.Queue;
import io.kefu.request.QueueCounts;
import io.kefu.request.QueueFilter;
import io.kefu.request.QueueOrder;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.domain.RequestPhotos.StoredPhoto;
import io.kefu.security.CurrentUser;
import io.kefu.web.Downloads;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The queues (我的工单, open, unassigned, waiting, major complaints) and the request page. */
@Controller
class RequestWebController {

	static final int PAGE_SIZE = 30;

	private final ServiceRequestQueries queries;

	private final ServiceRequestManagement requests;

	private final QueueCounts counts;

	private final RequestSteps steps;

	private final DirectoryManagement directory;

	private final Clock clock;

	RequestWebController(ServiceRequestQueries queries, ServiceRequestManagement requests, QueueCounts counts,
			RequestSteps steps, DirectoryManagement directory, Clock clock) {
		this.clock = clock;
		this.queries = queries;
		this.requests = requests;
		this.counts = counts;
		this.steps = steps;
		this.directory = directory;
	}

	/**
	 * A queue with its filters. The page polls itself and htmx swaps in only the
	 * counts and the list, so the filters keep what the user is typing.
	 */
	@GetMapping("/requests")
	String list(CurrentUser user, @RequestParam(defaultValue = "MINE") Queue queue,
			@RequestParam(required = false) Long site, @RequestParam(required = false) RequestType type,
			@RequestParam(required = false) Long category, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Long building,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "NEWEST") QueueOrder order, @RequestParam(required = false) String cursor,
			Model model) {
		List<SiteSummary> sites = directory.sites(user);
		Long buildingSite = site != null ? site : sites.size() == 1 ? sites.get(0).id() : null;
		List<Category> categories = type == null ? List.of() : requests.categories(type);
		List<BuildingSummary> buildings = buildingSite == null ? List.of() : directory.buildings(user, buildingSite);
		// A category of another type, or a building of another site, left over from the previous choice.
		Long categoryId = category != null && categories.stream().anyMatch(c -> c.id() == category) ? category : null;
		Long buildingId = building != null && buildings.stream().anyMatch(b -> b.id() == building) ? building : null;
		QueueFilter filter = new QueueFilter(type, categoryId, channel, buildingId, from, to, order);
		model.addAttribute("queue", queue);
		model.addAttribute("site", site);
		model.addAttribute("filter", filter);
		model.addAttribute("tabs", Queue.BOARD);
		model.addAttribute("counts", counts.of(user, site));
		model.addAttribute("page", queries.queue(user, queue, site, filter, cursor, PAGE_SIZE));
		model.addAttribute("cursor", cursor);
		model.addAttribute("now", clock.instant());
		model.addAttribute("sites", sites);
		model.addAttribute("types", RequestType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", categories);
		model.addAttribute("buildings", buildings);
		return "request/request-list";
	}

	@GetMapping("/requests/{id}")
	String details(CurrentUser user, @PathVariable long id, Model model) {
		ServiceRequestDetails request = queries.details(user, id);
		model.addAttribute("serviceRequest", request);
		model.addAttribute("photos", queries.photos(user, id));
		model.addAttribute("steps", steps.of(user, request));
		model.addAttribute("related", queries.numbers(user, related(request)));
		return "request/request-detail";
	}

	/** A photo of a request of the user's sites; it never changes, so the browser may keep it. */
	@GetMapping("/requests/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable long id, @PathVariable long photoId) {
		StoredPhoto photo = queries.photo(user, id, photoId);
		ResponseEntity<byte[]> response = Downloads.inline(photo.filename(), photo.contentType(), photo.content());
		return ResponseEntity.ok()
			.headers(response.getHeaders())
			.header(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(Duration.ofDays(7)).cachePrivate().getHeaderValue())
			.body(response.getBody());
	}

	/** The parent and the children of a merge. */
	private static List<Long> related(ServiceRequestDetails request) {
		return request.parentId() == null ? request.childIds()
				: Stream.concat(Stream.of(request.parentId()), request.childIds().stream()).toList();
	}
}
