package io.kefu.request;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.DepartmentKind;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.StaffInput;
import io.kefu.directory.domain.Places;
import io.kefu.directory.domain.Staffing;
import io.kefu.directory.domain.Staffing.NewStaff;
import io.kefu.security.Role;

import org.springframework.stereotype.Component;

/** Sites ready for field work, and requests dispatched to their technician. */
@Component
public class RequestMother {

	/** The room every request of this mother is about. */
	public static final String ROOM = "180#1-1-1";

	private final StaffMother staff;

	private final Places places;

	private final Staffing staffing;

	private final ServiceRequestManagement requests;

	private final ServiceRequestQueries queries;

	RequestMother(StaffMother staff, Places places, Staffing staffing, ServiceRequestManagement requests,
			ServiceRequestQueries queries) {
		this.staff = staff;
		this.places = places;
		this.staffing = staffing;
		this.requests = requests;
		this.queries = queries;
	}

	/**
	 * A new site with building 180, an engineering department, and staff members (with
	 * their staff records, as an administrator creates them): an agent, a technician in
	 * engineering and a site manager.
	 */
	public FieldSite fieldSite() {
		SiteAndAdmin site = staff.site();
		long building = places.createBuilding(site.admin().user(), site.site().id(), "180", null).id();
		places.generateRooms(site.admin().user(), building, 1, 2, 2, null);
		long engineering = staffing.createDepartment(site.admin().user(),
				"E" + UUID.randomUUID().toString().substring(0, 8), "工程部", DepartmentKind.ENGINEERING).id();
		TestUser agent = staffMember(site, Role.AGENT, "客服小王", null);
		TestUser technician = staffMember(site, Role.TECHNICIAN, "维修老李", engineering);
		TestUser manager = staffMember(site, Role.SITE_MANAGER, "经理老周", null);
		return new FieldSite(site.site(), agent, technician, engineering, manager, site.admin());
	}

	/** A staff member of the site with one role, signing in with their staff number (工号). */
	public TestUser staffMember(SiteAndAdmin site, Role role, String name, Long departmentId) {
		String number = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		NewStaff created = staffing.createStaff(site.admin().user(), new StaffInput(number, name, EnumSet.of(role),
				List.of(site.site().id()), departmentId, null, null, null));
		return staff.account(number, created.password());
	}

	/** A request from 李女士 (13800001111) about {@link #ROOM}, dispatched by the agent to the technician. */
	public long dispatched(FieldSite site, RequestType type, String category, Priority priority, String text,
			Instant appointment) {
		long categoryId = requests.categories(type)
			.stream()
			.filter(c -> c.name().equals(category))
			.findFirst()
			.orElseThrow()
			.id();
		long id = requests.register(site.agent().user(), new NewRequest(site.site().id(), type, categoryId,
				Channel.PHONE, priority, false, null, "李女士", "13800001111", false, null, ROOM, null, text, null), null)
			.id();
		requests.dispatch(site.agent().user(), id, queries.details(site.agent().user(), id).version(),
				new Assignment(site.engineering(), site.technician().username(), appointment, null));
		return id;
	}

	public record FieldSite(SiteSummary site, TestUser agent, TestUser technician, long engineering,
			TestUser siteManager, TestUser admin) {

		public SiteAndAdmin siteAndAdmin() {
			return new SiteAndAdmin(site, admin);
		}
	}
}
