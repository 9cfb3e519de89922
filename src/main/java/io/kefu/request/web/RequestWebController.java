package io.kefu.request.web;

import java.time.Duration;

import io.kefu.request.Queue;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.domain.RequestPhotos;
import io.kefu.request.domain.RequestPhotos.StoredPhoto;
import io.kefu.security.CurrentUser;
import io.kefu.shared.NotFoundException;
import io.kefu.web.Downloads;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The request lists (我的工单, all open ones) and the request page with its photos. */
@Controller
class RequestWebController {

	static final int PAGE_SIZE = 30;

	private final ServiceRequestQueries queries;

	private final RequestPhotos photos;

	RequestWebController(ServiceRequestQueries queries, RequestPhotos photos) {
		this.queries = queries;
		this.photos = photos;
	}

	@GetMapping("/requests")
	String list(CurrentUser user, @RequestParam(defaultValue = "MINE") Queue queue,
			@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("queue", queue);
		model.addAttribute("page", queries.queue(user, queue, null, cursor, PAGE_SIZE));
		return "request/request-list";
	}

	@GetMapping("/requests/{id}")
	String details(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("serviceRequest", queries.details(user, id));
		model.addAttribute("photos", photos.of(id));
		return "request/request-detail";
	}

	/** A photo of a request of the user's sites; it never changes, so the browser may keep it. */
	@GetMapping("/requests/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable long id, @PathVariable long photoId) {
		StoredPhoto photo = photos.find(user, id, photoId).orElseThrow(() -> new NotFoundException("没有找到该照片"));
		ResponseEntity<byte[]> response = Downloads.inline(photo.filename(), photo.contentType(), photo.content());
		return ResponseEntity.ok()
			.headers(response.getHeaders())
			.header(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(Duration.ofDays(7)).cachePrivate().getHeaderValue())
			.body(response.getBody());
	}
}
