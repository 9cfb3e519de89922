package io.kefu.directory.rest;

import java.util.List;

import io.kefu.directory.DepartmentSummary;
import io.kefu.directory.StaffInput;
import io.kefu.directory.StaffSummary;
import io.kefu.directory.domain.Staffing;
import io.kefu.directory.domain.Staffing.NewStaff;
import io.kefu.directory.rest.DirectoryRequests.DepartmentRequest;
import io.kefu.directory.rest.DirectoryRequests.NewPassword;
import io.kefu.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff and departments; changes are for administrators. */
@RestController
@RequestMapping("/api/v1")
class StaffRestController {

	private final Staffing staffing;

	StaffRestController(Staffing staffing) {
		this.staffing = staffing;
	}

	@GetMapping("/staff")
	List<StaffSummary> staff(CurrentUser user) {
		return staffing.staff(user);
	}

	@GetMapping("/staff/{id}")
	StaffSummary staffMember(CurrentUser user, @PathVariable long id) {
		return staffing.staffMember(user, id);
	}

	@PostMapping("/staff")
	@ResponseStatus(HttpStatus.CREATED)
	NewStaff create(CurrentUser user, @RequestBody StaffInput input) {
		return staffing.createStaff(user, input);
	}

	@PutMapping("/staff/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(CurrentUser user, @PathVariable long id, @RequestBody StaffInput input) {
		staffing.updateStaff(user, id, input);
	}

	@PostMapping("/staff/{id}/password-reset")
	NewPassword resetPassword(CurrentUser user, @PathVariable long id) {
		return new NewPassword(staffing.resetPassword(user, id));
	}

	@PutMapping("/staff/{id}/leave")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(CurrentUser user, @PathVariable long id, @RequestBody LeaveRequest request) {
		staffing.setOnLeave(user, id, request.onLeave());
	}

	record LeaveRequest(boolean onLeave) {
	}

	@GetMapping("/departments")
	List<DepartmentSummary> departments() {
		return staffing.departments();
	}

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	DepartmentSummary createDepartment(CurrentUser user, @RequestBody DepartmentRequest request) {
		return staffing.createDepartment(user, request.code(), request.name(), request.kind());
	}
}
