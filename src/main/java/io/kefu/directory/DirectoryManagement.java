package io.kefu.directory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.directory.domain.Staffing;
import io.kefu.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the directory. Every answer is limited to the
 * caller's sites: what lies outside them is not found.
 */
@Service
public class DirectoryManagement {

	private final Places places;

	private final Households households;

	private final Staffing staffing;

	DirectoryManagement(Places places, Households households, Staffing staffing) {
		this.places = places;
		this.households = households;
		this.staffing = staffing;
	}

	public List<DepartmentSummary> departments() {
		return staffing.departments();
	}

	/** Enabled staff who work at the site, for choosing whom to give work to. */
	public List<StaffSummary> staffAt(CurrentUser user, long siteId) {
		return staffing.staff(user).stream().filter(s -> s.enabled() && s.siteIds().contains(siteId)).toList();
	}

	/** Staff who work at any of the caller's sites, in one query (for reports by staff member). */
	public List<StaffSummary> staff(CurrentUser user) {
		return staffing.staff(user);
	}

	public List<BuildingSummary> buildings(CurrentUser user, long siteId) {
		return places.buildings(user, siteId);
	}

	public Optional<DepartmentSummary> department(long id) {
		return staffing.department(id);
	}

	/** Who takes work meant for this account: the person, or their backup while they are on leave. */
	public long standIn(long accountId) {
		return staffing.standIn(accountId);
	}

	public SiteSummary site(CurrentUser user, long siteId) {
		return places.site(user, siteId);
	}

	public RoomSummary room(CurrentUser user, long roomId) {
		return places.room(user, roomId);
	}

	public Optional<RoomSummary> roomByCode(CurrentUser user, long siteId, String code) {
		return places.roomByCode(user, siteId, code);
	}

	/** The rooms of a building, to find what happened there. */
	public List<Long> roomIds(CurrentUser user, long buildingId) {
		places.building(user, buildingId);
		return places.rooms(user, buildingId).stream().map(RoomSummary::id).toList();
	}

	/** The buildings of these rooms (rooms outside the user's sites are left out). */
	public List<RoomBuilding> buildingsOfRooms(CurrentUser user, Collection<Long> roomIds) {
		return places.buildingsOfRooms(user, roomIds);
	}

	public PublicAreaSummary publicArea(CurrentUser user, long id) {
		return places.publicArea(user, id);
	}

	public HouseholdSummary household(CurrentUser user, long id) {
		return households.summary(user, id);
	}

	/** The households with these ids, within the caller's sites (phones masked where the role requires). */
	public List<HouseholdSummary> households(CurrentUser user, Collection<Long> ids) {
		return households.summaries(user, List.copyOf(ids));
	}

	/** The site's rooms with these codes, each with its household; codes not found are left out. */
	public List<RoomSummary> roomsByCodes(CurrentUser user, long siteId, Collection<String> codes) {
		return places.roomsByCodes(user, siteId, codes);
	}

	/** The households living at the site, each with its building and room, for drawing survey samples. */
	public List<OccupiedHousehold> occupiedHouseholds(CurrentUser user, long siteId) {
		return households.occupied(user, siteId);
	}

	/** The one search box: name, phone (or its last four digits) or room code. */
	public List<HouseholdSummary> findHouseholds(CurrentUser user, String query) {
		return households.search(user, query);
	}

	public List<SiteSummary> sites(CurrentUser user) {
		return places.sites(user);
	}

	/** Every site of the company, for the work the system does on its own (the scheduled report packs). */
	public List<SiteSummary> allSites() {
		return places.allSites();
	}

	public List<PublicAreaSummary> publicAreas(CurrentUser user, long siteId) {
		return places.publicAreas(user, siteId);
	}

	/** The search box of the intake screen: the households found, each with its people and rooms. */
	public List<HouseholdCard> findHouseholdCards(CurrentUser user, String query, int limit) {
		return households.cards(user, query, limit);
	}
}
