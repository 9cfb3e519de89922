package io.kefu.directory.web;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.kefu.directory.DepartmentKind;
import io.kefu.directory.StaffInput;
import io.kefu.directory.StaffSummary;
import io.kefu.directory.domain.Places;
import io.kefu.directory.domain.Staffing;
import io.kefu.security.ApiTokenManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff, their roles and sites, and departments: the administrator's pages. */
@Controller
class StaffWebController {

	private final Staffing staffing;

	private final Places places;

	private final ApiTokenManagement apiTokens;

	private final Clock clock;

	StaffWebController(Staffing staffing, Places places, ApiTokenManagement apiTokens, Clock clock) {
		this.staffing = staffing;
		this.places = places;
		this.apiTokens = apiTokens;
		this.clock = clock;
	}

	@GetMapping("/staff")
	String staff(CurrentUser user, Model model) {
		model.addAttribute("staff", staffing.staff(user));
		addChoices(user, model);
		return "directory/staff-list";
	}

	@GetMapping("/staff/{id}")
	String staffMember(CurrentUser user, @PathVariable long id, Model model) {
		StaffSummary member = staffing.staffMember(user, id);
		model.addAttribute("member", member);
		model.addAttribute("staff", staffing.staff(user));
		if (user.isAdministrator()) {
			model.addAttribute("tokens", apiTokens.tokensOf(user, member.accountId()));
			model.addAttribute("zone", clock.getZone());
		}
		addChoices(user, model);
		return "directory/staff-detail";
	}

	/** An administrator revokes a staff member's API token, e.g. when they leave. */
	@PostMapping("/staff/{id}/tokens/{tokenId}/revoke")
	String revokeToken(CurrentUser user, @PathVariable long id, @PathVariable long tokenId,
			RedirectAttributes redirect) {
		apiTokens.revokeOf(user, staffing.staffMember(user, id).accountId(), tokenId);
		redirect.addFlashAttribute("tokenRevoked", true);
		return "redirect:/staff/" + id;
	}

	@PostMapping("/staff")
	String create(CurrentUser user, StaffForm form, RedirectAttributes redirect) {
		Staffing.NewStaff created = staffing.createStaff(user, form.toInput(true));
		redirect.addFlashAttribute("password", created.password());
		return "redirect:/staff/" + created.id();
	}

	@PostMapping("/staff/{id}")
	String update(CurrentUser user, @PathVariable long id, StaffForm form, RedirectAttributes redirect) {
		staffing.updateStaff(user, id, form.toInput(Boolean.TRUE.equals(form.enabled())));
		redirect.addFlashAttribute("notice", "已保存");
		return "redirect:/staff/" + id;
	}

	@PostMapping("/staff/{id}/password")
	String resetPassword(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("password", staffing.resetPassword(user, id));
		return "redirect:/staff/" + id;
	}

	@PostMapping("/staff/{id}/leave")
	String leave(CurrentUser user, @PathVariable long id, @RequestParam boolean onLeave, RedirectAttributes redirect) {
		staffing.setOnLeave(user, id, onLeave);
		redirect.addFlashAttribute("notice", onLeave ? "已登记休假：新工作将派给其A/B岗" : "已销假");
		return "redirect:/staff/" + id;
	}

	@GetMapping("/departments")
	String departments(Model model) {
		model.addAttribute("departments", staffing.departments());
		model.addAttribute("kinds", DepartmentKind.values());
		return "directory/department-list";
	}

	@PostMapping("/departments")
	String createDepartment(CurrentUser user, @RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) DepartmentKind kind) {
		staffing.createDepartment(user, code, name, kind);
		return "redirect:/departments";
	}

	private void addChoices(CurrentUser user, Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("sites", places.sites(user));
		model.addAttribute("departments", staffing.departments());
	}

	record StaffForm(String staffNumber, String name, Set<Role> roles, List<Long> siteIds, Long departmentId,
			String phone, Long backupId, Boolean enabled) {

		StaffInput toInput(boolean enabled) {
			return new StaffInput(staffNumber, name, roles, siteIds, departmentId, phone, backupId, enabled);
		}
	}
}
