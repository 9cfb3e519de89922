package io.kefu.directory.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.kefu.directory.DepartmentKind;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.SiteKind;

/** The JSON bodies the directory API accepts. */
final class DirectoryRequests {

	private DirectoryRequests() {
	}

	record SiteRequest(String code, String name, SiteKind kind, String address) {
	}

	record BuildingRequest(String code, String name) {
	}

	record RoomGenerationRequest(int entrances, int floors, int roomsPerFloor, BigDecimal area) {
	}

	record RoomRequest(String code, BigDecimal area, int version) {
	}

	record PublicAreaRequest(String name, String kind) {
	}

	record HouseholdUpdateRequest(String name, HouseholdState state, LocalDate moveInDate, String note, int version) {
	}

	record RoomLinkRequest(String code) {
	}

	record DocumentRequest(boolean onFile, String note) {
	}

	record DepartmentRequest(String code, String name, DepartmentKind kind) {
	}

	record Created(long id) {
	}

	record Generated(int rooms) {
	}

	record NewPassword(String password) {
	}
}
