package io.kefu.directory.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kefu.directory.BuildingSummary;
import io.kefu.directory.DepartmentKind;
import io.kefu.directory.DepartmentSummary;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.RoomSummary;
import io.kefu.directory.SiteKind;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.StaffInput;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.directory.domain.Staffing;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo company to try Kefu with: the residential estate 锦绣华庭 ({@value #ESTATE}) and
 * the office tower 恒信国际大厦 ({@value #TOWER}), their households, the departments
 * and staff in every role. Built through the directory's services acting as the
 * administrator {@code admin}, in one transaction, from a fixed seed.
 */
@Component
class DemoCompany {

	static final String ESTATE = "BA01";

	static final String TOWER = "BB01";

	static final String ADMIN = "admin";

	/** Share of rooms whose household lives there (入住率), and of those being renovated or standing empty. */
	static final double OCCUPIED = 0.85;

	static final double RENOVATING = 0.015;

	static final double VACANT = 0.015;

	private static final long SEED = 20_180_101L;

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private static final List<BuildingPlan> ESTATE_BUILDINGS = List.of(new BuildingPlan("180", 2, 18, 2, "126.50"),
			new BuildingPlan("181", 2, 18, 2, "126.50"), new BuildingPlan("182", 2, 11, 4, "89.20"),
			new BuildingPlan("183", 2, 11, 4, "89.20"));

	private static final List<BuildingPlan> TOWER_BUILDINGS = List.of(new BuildingPlan("A座", 1, 18, 6, "215.00"));

	/** Tower floors up to this one are shops; above are offices. */
	private static final int SHOP_FLOORS = 2;

	private static final Map<String, String> ESTATE_AREAS = areas("180幢1单元电梯", "电梯", "180幢2单元电梯", "电梯",
			"181幢1单元电梯", "电梯", "181幢2单元电梯", "电梯", "182幢1单元电梯", "电梯", "182幢2单元电梯", "电梯", "183幢1单元电梯",
			"电梯", "183幢2单元电梯", "电梯", "地下车库", "车库", "地面停车场", "车库", "中心绿化带", "绿化带", "东侧绿化带", "绿化带",
			"180幢大堂", "大堂", "181幢大堂", "大堂", "182幢大堂", "大堂", "183幢大堂", "大堂", "会所", "会所", "儿童游乐场", "活动场地",
			"南大门", "出入口", "北门岗", "出入口", "垃圾分类站", "环卫设施", "水泵房", "设备房", "配电房", "设备房");

	private static final Map<String, String> TOWER_AREAS = areas("A座1号客梯", "电梯", "A座2号客梯", "电梯", "A座3号客梯",
			"电梯", "A座货梯", "电梯", "地下车库", "车库", "一层大堂", "大堂", "裙楼绿化带", "绿化带", "屋顶花园", "绿化带", "空调机房",
			"设备房", "消防控制室", "设备房", "员工食堂", "配套设施");

	private static final List<DepartmentPlan> DEPARTMENTS = List.of(
			new DepartmentPlan("KF", "客服部", DepartmentKind.CUSTOMER_SERVICE),
			new DepartmentPlan("GC", "工程部", DepartmentKind.ENGINEERING),
			new DepartmentPlan("BA", "保安部", DepartmentKind.SECURITY),
			new DepartmentPlan("BJ", "保洁部", DepartmentKind.CLEANING),
			new DepartmentPlan("LH", "绿化部", DepartmentKind.GREENING),
			new DepartmentPlan("CW", "财务部", DepartmentKind.FINANCE),
			new DepartmentPlan("PZ", "品质部", DepartmentKind.QUALITY),
			new DepartmentPlan("WB", "华安建设工程有限公司（保修）", DepartmentKind.CONTRACTOR));

	/** Sites: E the estate, T the tower, ET both. Backups name each other (A/B岗). */
	private static final List<StaffPlan> STAFF = List.of(new StaffPlan("D0001", Role.EXECUTIVE, null, "ET", null),
			new StaffPlan("D0002", Role.ADMINISTRATOR, null, "ET", null),
			new StaffPlan("D1001", Role.SUPERVISOR, "KF", "ET", null),
			new StaffPlan("D1002", Role.SITE_MANAGER, "KF", "E", null),
			new StaffPlan("D1003", Role.SITE_MANAGER, "KF", "T", null),
			new StaffPlan("D1004", Role.AGENT, "KF", "E", "D1005"), new StaffPlan("D1005", Role.AGENT, "KF", "E", "D1004"),
			new StaffPlan("D1006", Role.AGENT, "KF", "E", null), new StaffPlan("D1007", Role.AGENT, "KF", "T", "D1008"),
			new StaffPlan("D1008", Role.AGENT, "KF", "T", "D1007"), new StaffPlan("D1009", Role.CLERK, "KF", "E", "D1010"),
			new StaffPlan("D1010", Role.CLERK, "KF", "T", "D1009"),
			new StaffPlan("D2001", Role.TECHNICIAN, "GC", "E", "D2002"),
			new StaffPlan("D2002", Role.TECHNICIAN, "GC", "E", "D2001"), new StaffPlan("D2003", Role.TECHNICIAN, "GC", "E", null),
			new StaffPlan("D2004", Role.TECHNICIAN, "GC", "T", "D2005"),
			new StaffPlan("D2005", Role.TECHNICIAN, "GC", "T", "D2004"),
			new StaffPlan("D3001", Role.SECURITY, "BA", "E", "D3002"), new StaffPlan("D3002", Role.SECURITY, "BA", "E", "D3001"),
			new StaffPlan("D3003", Role.SECURITY, "BA", "T", null), new StaffPlan("D4001", Role.TECHNICIAN, "BJ", "ET", null),
			new StaffPlan("D5001", Role.TECHNICIAN, "LH", "E", null), new StaffPlan("D6001", Role.CLERK, "CW", "ET", null),
			new StaffPlan("D7001", Role.QUALITY, "PZ", "ET", "D7002"), new StaffPlan("D7002", Role.QUALITY, "PZ", "ET", "D7001"),
			new StaffPlan("D8001", Role.TECHNICIAN, "WB", "ET", null));

	private final Places places;

	private final Households households;

	private final Staffing staffing;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	DemoCompany(Places places, Households households, Staffing staffing, AccountManagement accounts, JdbcClient jdbc) {
		this.places = places;
		this.households = households;
		this.staffing = staffing;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/**
	 * Loads the demo unless one of its site codes exists already; returns the demo
	 * staff with their first passwords, or nothing when it loaded nothing.
	 */
	@Transactional
	public Optional<List<DemoStaff>> load() {
		// Two instances starting on one database must not both load it.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('kefu.demo'))").query(Object.class).single();
		List<String> present = jdbc.sql("select code from directory.site where code in (:estate, :tower) order by code")
			.param("estate", ESTATE)
			.param("tower", TOWER)
			.query(String.class)
			.list();
		if (!present.isEmpty()) {
			log.info("Demo company not loaded: site {} exists already", String.join(", ", present));
			return Optional.empty();
		}
		DemoPeople people = new DemoPeople(SEED);
		CurrentUser admin = admin();
		SiteSummary estate = places.createSite(admin, ESTATE, "锦绣华庭", SiteKind.RESIDENTIAL, "杭州市西湖区文一西路1288号");
		SiteSummary tower = places.createSite(admin, TOWER, "恒信国际大厦", SiteKind.OFFICE, "杭州市滨江区江南大道3688号");
		admin = admin();

		List<RoomSummary> estateRooms = build(admin, estate, ESTATE_BUILDINGS, ESTATE_AREAS);
		List<RoomSummary> towerRooms = build(admin, tower, TOWER_BUILDINGS, TOWER_AREAS);
		moveIn(admin, estate, estateRooms, people, this::resident);
		moveIn(admin, tower, towerRooms, people, this::tenant);

		Map<String, Long> departments = departments(admin);
		return Optional.of(staff(admin, Map.of('E', estate.id(), 'T', tower.id()), departments, people));
	}

	private CurrentUser admin() {
		AccountSummary account = accounts.findByUsername(ADMIN)
			.orElseThrow(() -> new IllegalStateException("The demo company needs the administrator account " + ADMIN));
		return new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
				account.siteIds());
	}

	private List<RoomSummary> build(CurrentUser admin, SiteSummary site, List<BuildingPlan> plans,
			Map<String, String> areas) {
		List<RoomSummary> rooms = new ArrayList<>();
		for (BuildingPlan plan : plans) {
			BuildingSummary building = places.createBuilding(admin, site.id(), plan.code(), null);
			places.generateRooms(admin, building.id(), plan.entrances(), plan.floors(), plan.roomsPerFloor(),
					new BigDecimal(plan.area()));
			rooms.addAll(places.rooms(admin, building.id()));
		}
		areas.forEach((name, kind) -> places.createPublicArea(admin, site.id(), name, kind));
		return rooms;
	}

	/**
	 * Gives {@link #OCCUPIED} of the rooms a household that lives there, a few a
	 * household renovating or leaving it empty, and leaves the rest unsold.
	 */
	private void moveIn(CurrentUser admin, SiteSummary site, List<RoomSummary> rooms, DemoPeople people,
			HouseholdMaker maker) {
		List<HouseholdState> states = new ArrayList<>(Collections.nCopies(rooms.size(), (HouseholdState) null));
		int occupied = (int) Math.round(rooms.size() * OCCUPIED);
		int renovating = (int) Math.round(rooms.size() * RENOVATING);
		int vacant = (int) Math.round(rooms.size() * VACANT);
		for (int i = 0; i < rooms.size(); i++) {
			states.set(i, i < occupied ? HouseholdState.OCCUPIED
					: i < occupied + renovating ? HouseholdState.RENOVATING
							: i < occupied + renovating + vacant ? HouseholdState.VACANT : null);
		}
		Collections.shuffle(states, people.random());
		for (int i = 0; i < rooms.size(); i++) {
			if (states.get(i) != null) {
				households.create(admin, maker.make(site, rooms.get(i), states.get(i), people));
			}
		}
	}

	/** An owner, with family or with tenants (出租) when the flat is let. */
	private HouseholdInput resident(SiteSummary site, RoomSummary room, HouseholdState state, DemoPeople people) {
		String owner = people.name();
		List<PersonInput> persons = new ArrayList<>();
		persons.add(new PersonInput(owner, PersonRole.OWNER, people.mobile(),
				people.chance(0.7) ? people.idNumber(1952, 1995) : null));
		String note = "";
		LocalDate moveIn = null;
		if (state == HouseholdState.OCCUPIED) {
			moveIn = people.date(LocalDate.of(2016, 10, 1), LocalDate.of(2025, 9, 30));
			if (people.chance(0.15)) {
				note = "出租";
				int tenants = people.between(1, 2);
				for (int t = 0; t < tenants; t++) {
					persons.add(new PersonInput(people.name(), PersonRole.TENANT, people.mobile(),
							people.chance(0.5) ? people.idNumber(1975, 2003) : null));
				}
			}
			else {
				int family = people.pick(List.of(0, 1, 1, 1, 2, 2, 2));
				if (family >= 1) {
					persons.add(new PersonInput(people.name(), PersonRole.FAMILY, people.mobile(), null));
				}
				if (family >= 2) {
					persons.add(new PersonInput(people.name(owner.substring(0, 1)), PersonRole.FAMILY,
							people.chance(0.5) ? people.mobile() : null, null));
				}
			}
		}
		else if (state == HouseholdState.RENOVATING) {
			note = "装修中";
			if (people.chance(0.5)) {
				persons.add(new PersonInput(people.name(), PersonRole.FAMILY, people.mobile(), null));
			}
		}
		else {
			note = "已收楼，暂未入住";
		}
		return new HouseholdInput(site.id(), owner, state, moveIn, note, List.of(room.code()), persons);
	}

	/** A shop on the lower floors, a company above; named after the business, with its contacts. */
	private HouseholdInput tenant(SiteSummary site, RoomSummary room, HouseholdState state, DemoPeople people) {
		boolean shop = room.floor() <= SHOP_FLOORS;
		String name = shop ? people.shop() : people.company();
		PersonRole role = shop ? PersonRole.SHOP_TENANT : PersonRole.TENANT;
		List<PersonInput> persons = new ArrayList<>();
		int contacts = people.between(1, 2);
		for (int c = 0; c < contacts; c++) {
			persons.add(new PersonInput(people.name(), role, people.mobile(),
					c == 0 && people.chance(0.6) ? people.idNumber(1965, 1998) : null));
		}
		LocalDate moveIn = state == HouseholdState.OCCUPIED
				? people.date(LocalDate.of(2019, 3, 1), LocalDate.of(2025, 9, 30)) : null;
		String note = switch (state) {
			case OCCUPIED -> shop ? "底商" : "";
			case RENOVATING -> "装修中";
			case VACANT -> "已签约，暂未进场";
		};
		return new HouseholdInput(site.id(), name, state, moveIn, note, List.of(room.code()), persons);
	}

	/** The demo's departments by code; one that exists already is used as it is. */
	private Map<String, Long> departments(CurrentUser admin) {
		Map<String, Long> byCode = new LinkedHashMap<>();
		staffing.departments().forEach(d -> byCode.put(d.code(), d.id()));
		for (DepartmentPlan plan : DEPARTMENTS) {
			if (!byCode.containsKey(plan.code())) {
				DepartmentSummary created = staffing.createDepartment(admin, plan.code(), plan.name(), plan.kind());
				byCode.put(created.code(), created.id());
			}
		}
		return byCode;
	}

	private List<DemoStaff> staff(CurrentUser admin, Map<Character, Long> sites, Map<String, Long> departments,
			DemoPeople people) {
		Map<String, StaffInput> inputs = new LinkedHashMap<>();
		Map<String, Long> ids = new LinkedHashMap<>();
		List<DemoStaff> created = new ArrayList<>();
		for (StaffPlan plan : STAFF) {
			String name = people.name();
			List<Long> siteIds = plan.sites().chars().mapToObj(c -> sites.get((char) c)).toList();
			StaffInput input = new StaffInput(plan.number(), name, EnumSet.of(plan.role()), siteIds,
					plan.department() == null ? null : departments.get(plan.department()), people.mobile(), null, true);
			Staffing.NewStaff staff = staffing.createStaff(admin, input);
			inputs.put(plan.number(), input);
			ids.put(plan.number(), staff.id());
			created.add(new DemoStaff(plan.number(), name, plan.role(), staff.password()));
		}
		for (StaffPlan plan : STAFF) {
			if (plan.backup() != null) {
				StaffInput input = inputs.get(plan.number());
				staffing.updateStaff(admin, ids.get(plan.number()), new StaffInput(input.staffNumber(), input.name(),
						input.roles(), input.siteIds(), input.departmentId(), input.phone(), ids.get(plan.backup()), true));
			}
		}
		return created;
	}

	private static Map<String, String> areas(String... nameAndKind) {
		Map<String, String> areas = new LinkedHashMap<>();
		for (int i = 0; i < nameAndKind.length; i += 2) {
			areas.put(nameAndKind[i], nameAndKind[i + 1]);
		}
		return areas;
	}

	/** A demo staff member and the first password, to be shown once. */
	record DemoStaff(String staffNumber, String name, Role role, String password) {
	}

	private record BuildingPlan(String code, int entrances, int floors, int roomsPerFloor, String area) {
	}

	private record DepartmentPlan(String code, String name, DepartmentKind kind) {
	}

	private record StaffPlan(String number, Role role, String department, String sites, String backup) {
	}

	@FunctionalInterface
	private interface HouseholdMaker {

		HouseholdInput make(SiteSummary site, RoomSummary room, HouseholdState state, DemoPeople people);
	}
}
