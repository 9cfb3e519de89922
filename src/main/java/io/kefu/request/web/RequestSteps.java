package io.kefu.request.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.directory.DepartmentSummary;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.StaffSummary;
import io.kefu.request.RequestStep;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;

import org.springframework.stereotype.Component;

/**
 * What the request page offers the user: the steps the request's state allows and
 * the user may take, with the departments and people to choose from.
 */
@Component
class RequestSteps {

	private static final Set<RequestStep> FOR_ANYONE = EnumSet.of(RequestStep.FOLLOW_UP);

	private final DirectoryManagement directory;

	private final AccountManagement accounts;

	RequestSteps(DirectoryManagement directory, AccountManagement accounts) {
		this.directory = directory;
		this.accounts = accounts;
	}

	Offer of(CurrentUser user, ServiceRequestDetails request) {
		if (request.parentId() != null) {
			return new Offer(EnumSet.noneOf(RequestStep.class), List.of(), List.of(), List.of(), List.of());
		}
		boolean steers = request.ownerId() == user.accountId() || user.hasRole(Role.SUPERVISOR)
				|| user.hasRole(Role.SITE_MANAGER) || user.isAdministrator();
		Set<RequestStep> allowed = EnumSet.noneOf(RequestStep.class);
		for (RequestStep step : RequestStep.values()) {
			if ((steers || FOR_ANYONE.contains(step)) && step.allowedIn(request.status(), request.type())) {
				allowed.add(step);
			}
		}
		boolean choosesPeople = allowed.contains(RequestStep.DISPATCH) || allowed.contains(RequestStep.REASSIGN)
				|| allowed.contains(RequestStep.TRANSFER);
		List<StaffOption> staff = choosesPeople ? staff(user, request.siteId()) : List.of();
		List<StaffOption> assignees = request.major() ? staff.stream().filter(StaffOption::siteManager).toList() : staff;
		boolean choosesDepartment = choosesPeople || allowed.contains(RequestStep.RESOLVE);
		List<StaffSummary> concerned = allowed.contains(RequestStep.RESOLVE) && request.type() == RequestType.COMPLAINT
				? directory.staffAt(user, request.siteId()) : List.of();
		return new Offer(allowed, choosesDepartment ? directory.departments() : List.of(), staff, assignees, concerned);
	}

	private List<StaffOption> staff(CurrentUser user, long siteId) {
		List<StaffSummary> people = directory.staffAt(user, siteId);
		Map<Long, AccountSummary> byId = accounts.findByIds(people.stream().map(StaffSummary::accountId).toList())
			.stream()
			.collect(Collectors.toMap(AccountSummary::id, Function.identity()));
		return people.stream().filter(p -> byId.containsKey(p.accountId())).map(p -> {
			String label = p.name() + "（" + p.staffNumber() + "）"
					+ (p.departmentName() == null ? "" : " · " + p.departmentName())
					+ (p.onLeave() ? " · 休假" + (p.backupName() == null ? "" : "，由 " + p.backupName() + " 代") : "");
			return new StaffOption(byId.get(p.accountId()).username(), label, p.roles().contains(Role.SITE_MANAGER));
		}).toList();
	}

	/**
	 * The steps offered, and whom and which department the forms can choose; {@code concerned}:
	 * whom a complaint's resolution may name as the staff member it is about.
	 */
	record Offer(Set<RequestStep> allowed, List<DepartmentSummary> departments, List<StaffOption> staff,
			List<StaffOption> assignees, List<StaffSummary> concerned) {

		public boolean any() {
			return !allowed.isEmpty();
		}

		public boolean has(String step) {
			return allowed.contains(RequestStep.valueOf(step));
		}
	}

	record StaffOption(String username, String label, boolean siteManager) {
	}
}
