package io.kefu.directory.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.kefu.directory.RoomSummary;
import io.kefu.directory.SiteKind;
import io.kefu.directory.domain.Places;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sites with their buildings and public areas; a building's rooms and the room generator. */
@Controller
class PlaceWebController {

	private final Places places;

	PlaceWebController(Places places) {
		this.places = places;
	}

	@GetMapping("/sites")
	String sites(CurrentUser user, Model model) {
		model.addAttribute("sites", places.sites(user));
		model.addAttribute("kinds", SiteKind.values());
		return "directory/site-list";
	}

	@PostMapping("/sites")
	String createSite(CurrentUser user, @RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) SiteKind kind, @RequestParam(required = false) String address) {
		long id = places.createSite(user, code, name, kind, address).id();
		return "redirect:/sites/" + id;
	}

	@GetMapping("/sites/{id}")
	String site(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("site", places.site(user, id));
		model.addAttribute("buildings", places.buildings(user, id));
		model.addAttribute("areas", places.publicAreas(user, id));
		return "directory/site-detail";
	}

	@PostMapping("/sites/{id}/buildings")
	String createBuilding(CurrentUser user, @PathVariable long id, @RequestParam String code,
			@RequestParam(required = false) String name) {
		long building = places.createBuilding(user, id, code, name).id();
		return "redirect:/buildings/" + building;
	}

	@PostMapping("/sites/{id}/public-areas")
	String createPublicArea(CurrentUser user, @PathVariable long id, @RequestParam String name,
			@RequestParam String kind) {
		places.createPublicArea(user, id, name, kind);
		return "redirect:/sites/" + id;
	}

	@GetMapping("/buildings/{id}")
	String building(CurrentUser user, @PathVariable long id, Model model) {
		var building = places.building(user, id);
		List<RoomSummary> rooms = places.rooms(user, id);
		Map<Integer, Map<Integer, List<RoomSummary>>> grid = rooms.stream()
			.collect(Collectors.groupingBy(RoomSummary::entrance, TreeMap::new, Collectors
				.groupingBy(RoomSummary::floor, () -> new TreeMap<>(java.util.Comparator.reverseOrder()), Collectors.toList())));
		model.addAttribute("building", building);
		model.addAttribute("site", places.site(user, building.siteId()));
		model.addAttribute("grid", grid);
		return "directory/building-detail";
	}

	@PostMapping("/buildings/{id}/rooms")
	String generateRooms(CurrentUser user, @PathVariable long id, @RequestParam int entrances, @RequestParam int floors,
			@RequestParam int roomsPerFloor, @RequestParam(required = false) BigDecimal area,
			RedirectAttributes redirect) {
		int created = places.generateRooms(user, id, entrances, floors, roomsPerFloor, area);
		redirect.addFlashAttribute("notice", "已生成 " + created + " 间房");
		return "redirect:/buildings/" + id;
	}

	@PostMapping("/rooms/{id}")
	String updateRoom(CurrentUser user, @PathVariable long id, @RequestParam String code,
			@RequestParam(required = false) BigDecimal area, @RequestParam int version) {
		RoomSummary room = places.updateRoom(user, id, code, area, version);
		return "redirect:/buildings/" + room.buildingId();
	}

	@PostMapping("/rooms/{id}/delete")
	String deleteRoom(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		RoomSummary room = places.room(user, id);
		places.deleteRoom(user, id);
		redirect.addFlashAttribute("notice", "已删除房间 " + room.code());
		return "redirect:/buildings/" + room.buildingId();
	}
}
