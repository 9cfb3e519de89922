package io.kefu.directory.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.directory.DepartmentKind;
import io.kefu.directory.DepartmentSummary;
import io.kefu.directory.StaffInput;
import io.kefu.directory.StaffSummary;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountManagement.NewAccount;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.PhoneNumber;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff (工号, name, department, phone, backup colleague) and departments. A staff
 * member signs in with an account of the security module, which holds the roles
 * and sites.
 */
@Service
public class Staffing {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	Staffing(JdbcClient jdbc, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public List<DepartmentSummary> departments() {
		return jdbc.sql("select id, code, name, kind from directory.department order by kind, code")
			.query(DepartmentSummary.class)
			.list();
	}

	@Transactional
	public DepartmentSummary createDepartment(CurrentUser user, String code, String name, DepartmentKind kind) {
		Permissions.require(user, Permissions.STAFF);
		String cleanCode = Places.required(code, "code", "部门编码").toUpperCase();
		String cleanName = Places.required(name, "name", "部门名称");
		if (kind == null) {
			throw new InvalidInputException("kind", "请选择部门类别");
		}
		try {
			long id = jdbc.sql("insert into directory.department (code, name, kind) values (:code, :name, :kind) returning id")
				.param("code", cleanCode)
				.param("name", cleanName)
				.param("kind", kind.name())
				.query(Long.class)
				.single();
			return new DepartmentSummary(id, cleanCode, cleanName, kind);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("code", "部门编码 " + cleanCode + " 已存在");
		}
	}

	/**
	 * Staff who work at any of the caller's sites. Administrators also see staff with
	 * no site yet, so that they can assign one.
	 */
	public List<StaffSummary> staff(CurrentUser user) {
		Map<Long, AccountSummary> byId = accounts.findVisibleTo(user)
			.stream()
			.collect(Collectors.toMap(AccountSummary::id, Function.identity()));
		return jdbc.sql("""
				select s.id, s.account_id, s.staff_number, s.name, s.department_id, d.name as department_name,
				       s.phone, s.backup_id, b.name as backup_name, s.on_leave
				from directory.staff_member s
				left join directory.department d on d.id = s.department_id
				left join directory.staff_member b on b.id = s.backup_id
				where s.account_id = any(:accounts)
				order by s.staff_number""")
			.param("accounts", byId.keySet().toArray(Long[]::new))
			.query((rs, n) -> {
				AccountSummary account = byId.get(rs.getLong("account_id"));
				return new StaffSummary(rs.getLong("id"), account.id(), rs.getString("staff_number"),
						rs.getString("name"), account.roles(), account.siteIds(), (Long) rs.getObject("department_id"),
						rs.getString("department_name"), rs.getString("phone"), (Long) rs.getObject("backup_id"),
						rs.getString("backup_name"), account.enabled(), rs.getBoolean("on_leave"));
			})
			.list();
	}

	public StaffSummary staffMember(CurrentUser user, long id) {
		return staff(user).stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有找到该员工"));
	}

	/** Creates the staff member and their account; returns the first password, shown once. */
	@Transactional
	public NewStaff createStaff(CurrentUser user, StaffInput input) {
		Permissions.require(user, Permissions.STAFF);
		StaffInput staff = checked(user, input);
		NewAccount account = accounts.createAccount(staff.staffNumber(), staff.name(), staff.roles(), staff.siteIds());
		try {
			long id = jdbc.sql("""
					insert into directory.staff_member (account_id, staff_number, name, department_id, phone, backup_id)
					values (:account, :number, :name, :department, :phone, :backup) returning id""")
				.param("account", account.id())
				.param("number", staff.staffNumber())
				.param("name", staff.name())
				.param("department", staff.departmentId())
				.param("phone", staff.phone())
				.param("backup", staff.backupId())
				.query(Long.class)
				.single();
			return new NewStaff(id, staff.staffNumber(), account.password());
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("staffNumber", "工号 " + staff.staffNumber() + " 已存在");
		}
	}

	@Transactional
	public void updateStaff(CurrentUser user, long id, StaffInput input) {
		Permissions.require(user, Permissions.STAFF);
		StaffSummary existing = staffMember(user, id);
		StaffInput staff = checked(user, input);
		if (staff.backupId() != null && staff.backupId() == id) {
			throw new InvalidInputException("backupId", "A/B岗不能是本人");
		}
		jdbc.sql("""
				update directory.staff_member set name = :name, department_id = :department, phone = :phone,
				       backup_id = :backup, version = version + 1 where id = :id""")
			.param("id", id)
			.param("name", staff.name())
			.param("department", staff.departmentId())
			.param("phone", staff.phone())
			.param("backup", staff.backupId())
			.update();
		accounts.updateAccount(existing.accountId(), staff.name(), staff.roles(), staff.siteIds(), staff.isEnabled());
	}

	public Optional<DepartmentSummary> department(long id) {
		return jdbc.sql("select id, code, name, kind from directory.department where id = :id")
			.param("id", id)
			.query(DepartmentSummary.class)
			.optional();
	}

	/** Marks a staff member on leave (休假) or back; work for them then goes to their backup. */
	@Transactional
	public void setOnLeave(CurrentUser user, long id, boolean onLeave) {
		Permissions.require(user, Role.ADMINISTRATOR, Role.SUPERVISOR, Role.SITE_MANAGER);
		staffMember(user, id);
		jdbc.sql("update directory.staff_member set on_leave = :onLeave, version = version + 1 where id = :id")
			.param("id", id)
			.param("onLeave", onLeave)
			.update();
	}

	/**
	 * Who takes work meant for this account today: the person, or their backup
	 * colleague (A/B岗) while they are on leave.
	 */
	public long standIn(long accountId) {
		return jdbc.sql("""
				select coalesce(case when s.on_leave then b.account_id end, :account)
				from directory.staff_member s left join directory.staff_member b on b.id = s.backup_id and not b.on_leave
				where s.account_id = :account""")
			.param("account", accountId)
			.query(Long.class)
			.optional()
			.orElse(accountId);
	}

	/** A new random password for a staff member who forgot theirs; clears a lockout. */
	@Transactional
	public String resetPassword(CurrentUser user, long id) {
		Permissions.require(user, Permissions.STAFF);
		StaffSummary staff = staffMember(user, id);
		return accounts.resetPassword(staff.staffNumber()).orElseThrow(() -> new NotFoundException("没有找到该员工"));
	}

	private StaffInput checked(CurrentUser user, StaffInput input) {
		String number = Places.required(input.staffNumber(), "staffNumber", "工号");
		if (!number.matches("[A-Za-z0-9]{2,20}")) {
			throw new InvalidInputException("staffNumber", "工号只能由 2–20 位字母或数字组成");
		}
		String name = Places.required(input.name(), "name", "姓名");
		if (input.roles() == null || input.roles().isEmpty()) {
			throw new InvalidInputException("roles", "请至少选择一个岗位");
		}
		List<Long> sites = input.siteIds() == null ? List.of() : List.copyOf(new HashSet<>(input.siteIds()));
		if (sites.isEmpty()) {
			throw new InvalidInputException("siteIds", "请至少选择一个项目");
		}
		for (Long site : sites) {
			if (!user.canSee(site)) {
				throw new InvalidInputException("siteIds", "不能分配您无权管理的项目");
			}
		}
		if (input.departmentId() != null && departments().stream().noneMatch(d -> d.id() == input.departmentId())) {
			throw new InvalidInputException("departmentId", "部门不存在");
		}
		if (input.backupId() != null) {
			staffMember(user, input.backupId());
		}
		String phone = input.phone() == null || input.phone().isBlank() ? null : PhoneNumber.parse(input.phone()).value();
		return new StaffInput(number, name, input.roles(), sites, input.departmentId(), phone, input.backupId(),
				input.isEnabled());
	}

	public record NewStaff(long id, String staffNumber, String password) {
	}
}
