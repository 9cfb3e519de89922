package io.kefu.directory.rest;

import java.util.List;

import io.kefu.directory.BuildingSummary;
import io.kefu.directory.PublicAreaSummary;
import io.kefu.directory.RoomSummary;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.domain.Places;
import io.kefu.directory.rest.DirectoryRequests.BuildingRequest;
import io.kefu.directory.rest.DirectoryRequests.Generated;
import io.kefu.directory.rest.DirectoryRequests.PublicAreaRequest;
import io.kefu.directory.rest.DirectoryRequests.RoomGenerationRequest;
import io.kefu.directory.rest.DirectoryRequests.RoomRequest;
import io.kefu.directory.rest.DirectoryRequests.SiteRequest;
import io.kefu.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sites, buildings, rooms and public areas of the caller's sites. */
@RestController
@RequestMapping("/api/v1")
class PlaceRestController {

	private final Places places;

	PlaceRestController(Places places) {
		this.places = places;
	}

	@GetMapping("/sites")
	List<SiteSummary> sites(CurrentUser user) {
		return places.sites(user);
	}

	@GetMapping("/sites/{id}")
	SiteSummary site(CurrentUser user, @PathVariable long id) {
		return places.site(user, id);
	}

	@PostMapping("/sites")
	@ResponseStatus(HttpStatus.CREATED)
	SiteSummary createSite(CurrentUser user, @RequestBody SiteRequest request) {
		return places.createSite(user, request.code(), request.name(), request.kind(), request.address());
	}

	@GetMapping("/sites/{id}/buildings")
	List<BuildingSummary> buildings(CurrentUser user, @PathVariable long id) {
		places.site(user, id);
		return places.buildings(user, id);
	}

	@PostMapping("/sites/{id}/buildings")
	@ResponseStatus(HttpStatus.CREATED)
	BuildingSummary createBuilding(CurrentUser user, @PathVariable long id, @RequestBody BuildingRequest request) {
		return places.createBuilding(user, id, request.code(), request.name());
	}

	@GetMapping("/sites/{id}/public-areas")
	List<PublicAreaSummary> publicAreas(CurrentUser user, @PathVariable long id) {
		places.site(user, id);
		return places.publicAreas(user, id);
	}

	@PostMapping("/sites/{id}/public-areas")
	@ResponseStatus(HttpStatus.CREATED)
	PublicAreaSummary createPublicArea(CurrentUser user, @PathVariable long id, @RequestBody PublicAreaRequest request) {
		return places.createPublicArea(user, id, request.name(), request.kind());
	}

	@GetMapping("/buildings/{id}")
	BuildingSummary building(CurrentUser user, @PathVariable long id) {
		return places.building(user, id);
	}

	@GetMapping("/buildings/{id}/rooms")
	List<RoomSummary> rooms(CurrentUser user, @PathVariable long id) {
		places.building(user, id);
		return places.rooms(user, id);
	}

	@PostMapping("/buildings/{id}/rooms/generate")
	@ResponseStatus(HttpStatus.CREATED)
	Generated generateRooms(CurrentUser user, @PathVariable long id, @RequestBody RoomGenerationRequest request) {
		return new Generated(places.generateRooms(user, id, request.entrances(), request.floors(),
				request.roomsPerFloor(), request.area()));
	}

	@GetMapping("/rooms/{id}")
	RoomSummary room(CurrentUser user, @PathVariable long id) {
		return places.room(user, id);
	}

	@PutMapping("/rooms/{id}")
	RoomSummary updateRoom(CurrentUser user, @PathVariable long id, @RequestBody RoomRequest request) {
		return places.updateRoom(user, id, request.code(), request.area(), request.version());
	}

	@DeleteMapping("/rooms/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRoom(CurrentUser user, @PathVariable long id) {
		places.deleteRoom(user, id);
	}
}
