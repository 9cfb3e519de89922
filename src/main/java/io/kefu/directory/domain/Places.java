package io.kefu.directory.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.kefu.directory.BuildingSummary;
import io.kefu.directory.PublicAreaSummary;
import io.kefu.directory.RoomBuilding;
import io.kefu.directory.RoomSummary;
import io.kefu.directory.SiteKind;
import io.kefu.directory.SiteSummary;
import io.kefu.security.AccountManagement;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.RoomCode;
import io.kefu.shared.StaleDataException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sites, buildings, rooms and public areas. Every read and write carries the
 * caller's sites in its SQL, so a place outside them is simply not found.
 */
@Service
public class Places {

	public static final int MAX_GENERATED_ROOMS = 5000;

	private static final String ROOM_COLUMNS = """
			r.id, r.site_id, r.building_id, r.code, r.entrance, r.floor, r.number, r.area,
			h.id as household_id, h.name as household_name, r.version""";

	private static final String ROOM_FROM = """
			directory.room r
			left join directory.household_room hr on hr.room_id = r.id
			left join directory.household h on h.id = hr.household_id""";

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	Places(JdbcClient jdbc, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	// ---- sites

	public List<SiteSummary> sites(CurrentUser user) {
		return jdbc.sql("select id, code, name, kind, address from directory.site where id = any(:sites) order by code")
			.param("sites", user.sites())
			.query(SiteSummary.class)
			.list();
	}

	public List<SiteSummary> allSites() {
		return jdbc.sql("select id, code, name, kind, address from directory.site order by code")
			.query(SiteSummary.class)
			.list();
	}

	public SiteSummary site(CurrentUser user, long id) {
		return jdbc.sql("select id, code, name, kind, address from directory.site where id = :id and id = any(:sites)")
			.param("id", id)
			.param("sites", user.sites())
			.query(SiteSummary.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该项目"));
	}

	/** Creates a site and gives it to its creator, who could not see it otherwise. */
	@Transactional
	public SiteSummary createSite(CurrentUser user, String code, String name, SiteKind kind, String address) {
		Permissions.require(user, Permissions.PLACES);
		String cleanCode = required(code, "code", "项目编码").toUpperCase();
		if (!cleanCode.matches("[A-Z0-9]{2,10}")) {
			throw new InvalidInputException("code", "项目编码只能由 2–10 位字母或数字组成，如 BA01");
		}
		String cleanName = required(name, "name", "项目名称");
		if (kind == null) {
			throw new InvalidInputException("kind", "请选择项目类型");
		}
		try {
			long id = jdbc.sql("""
					insert into directory.site (code, name, kind, address) values (:code, :name, :kind, :address)
					returning id""")
				.param("code", cleanCode)
				.param("name", cleanName)
				.param("kind", kind.name())
				.param("address", address == null ? "" : address.strip())
				.query(Long.class)
				.single();
			accounts.grantSite(user.accountId(), id);
			return new SiteSummary(id, cleanCode, cleanName, kind, address == null ? "" : address.strip());
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("code", "项目编码 " + cleanCode + " 已存在");
		}
	}

	// ---- buildings

	public List<BuildingSummary> buildings(CurrentUser user, long siteId) {
		return jdbc.sql("""
				select b.id, b.site_id, b.code, b.name, (select count(*) from directory.room r where r.building_id = b.id) as rooms
				from directory.building b where b.site_id = :site and b.site_id = any(:sites)
				order by length(b.code), b.code""")
			.param("site", siteId)
			.param("sites", user.sites())
			.query(BuildingSummary.class)
			.list();
	}

	public BuildingSummary building(CurrentUser user, long id) {
		return jdbc.sql("""
				select b.id, b.site_id, b.code, b.name, (select count(*) from directory.room r where r.building_id = b.id) as rooms
				from directory.building b where b.id = :id and b.site_id = any(:sites)""")
			.param("id", id)
			.param("sites", user.sites())
			.query(BuildingSummary.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该楼栋"));
	}

	@Transactional
	public BuildingSummary createBuilding(CurrentUser user, long siteId, String code, String name) {
		Permissions.require(user, Permissions.PLACES);
		site(user, siteId);
		String cleanCode = buildingCode(code);
		String cleanName = name == null || name.isBlank() ? defaultBuildingName(cleanCode) : name.strip();
		try {
			long id = jdbc.sql("insert into directory.building (site_id, code, name) values (:site, :code, :name) returning id")
				.param("site", siteId)
				.param("code", cleanCode)
				.param("name", cleanName)
				.query(Long.class)
				.single();
			return new BuildingSummary(id, siteId, cleanCode, cleanName, 0);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("code", "楼栋编号 " + cleanCode + " 在本项目中已存在");
		}
	}

	/**
	 * Creates the rooms of a building from entrances × floors × rooms per floor,
	 * coded {@code <building>#<entrance>-<floor>-<room>}. All or nothing: if any code
	 * exists already, none is created and the error names the first ones.
	 */
	@Transactional
	public int generateRooms(CurrentUser user, long buildingId, int entrances, int floors, int roomsPerFloor,
			BigDecimal area) {
		Permissions.require(user, Permissions.PLACES);
		BuildingSummary building = building(user, buildingId);
		requireRange(entrances, "entrances", "单元数", 1, 20);
		requireRange(floors, "floors", "楼层数", 1, 120);
		requireRange(roomsPerFloor, "roomsPerFloor", "每层户数", 1, 50);
		if (entrances * floors * roomsPerFloor > MAX_GENERATED_ROOMS) {
			throw new InvalidInputException("floors", "一次最多生成 " + MAX_GENERATED_ROOMS + " 间房");
		}
		if (area != null && area.signum() <= 0) {
			throw new InvalidInputException("area", "建筑面积必须大于 0");
		}
		List<String> codes = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int e = 1; e <= entrances; e++) {
			for (int f = 1; f <= floors; f++) {
				for (int n = 1; n <= roomsPerFloor; n++) {
					String code = RoomCode.of(building.code(), e, f, n).value();
					codes.add(code);
					rows.add(new Object[] { building.siteId(), buildingId, code, e, f, n, area });
				}
			}
		}
		List<String> existing = jdbc.sql("select code from directory.room where site_id = :site and code = any(:codes) order by code limit 5")
			.param("site", building.siteId())
			.param("codes", codes.toArray(String[]::new))
			.query(String.class)
			.list();
		if (!existing.isEmpty()) {
			throw new InvalidInputException("code", "房号已存在：" + String.join("、", existing) + "，未生成任何房间");
		}
		jdbc.sql("""
				insert into directory.room (site_id, building_id, code, entrance, floor, number, area)
				select * from unnest(:sites::bigint[], :buildings::bigint[], :codes::text[], :entrances::int[],
				                     :floors::int[], :numbers::int[], :areas::numeric[])""")
			.param("sites", rows.stream().map(r -> r[0]).toArray(Long[]::new))
			.param("buildings", rows.stream().map(r -> r[1]).toArray(Long[]::new))
			.param("codes", codes.toArray(String[]::new))
			.param("entrances", rows.stream().map(r -> r[3]).toArray(Integer[]::new))
			.param("floors", rows.stream().map(r -> r[4]).toArray(Integer[]::new))
			.param("numbers", rows.stream().map(r -> r[5]).toArray(Integer[]::new))
			.param("areas", rows.stream().map(r -> r[6]).toArray(BigDecimal[]::new))
			.update();
		return rows.size();
	}

	// ---- rooms

	public List<RoomSummary> rooms(CurrentUser user, long buildingId) {
		return jdbc.sql("select " + ROOM_COLUMNS + " from " + ROOM_FROM + """
				 where r.building_id = :building and r.site_id = any(:sites)
				order by r.entrance, r.floor, r.number, r.code limit :limit""")
			.param("building", buildingId)
			.param("sites", user.sites())
			.param("limit", MAX_GENERATED_ROOMS)
			.query(RoomSummary.class)
			.list();
	}

	/** The buildings of these rooms, for the rooms of the user's sites. */
	public List<RoomBuilding> buildingsOfRooms(CurrentUser user, Collection<Long> roomIds) {
		return jdbc.sql("""
				select r.id as room_id, b.id as building_id, b.site_id, b.code as building_code, b.name as building_name
				from directory.room r join directory.building b on b.id = r.building_id
				where r.id = any(:rooms) and r.site_id = any(:sites)""")
			.param("rooms", roomIds.toArray(Long[]::new))
			.param("sites", user.sites())
			.query(RoomBuilding.class)
			.list();
	}

	public RoomSummary room(CurrentUser user, long id) {
		return roomWhere(user, "r.id = :key", id).orElseThrow(() -> new NotFoundException("没有找到该房间"));
	}

	public java.util.Optional<RoomSummary> roomByCode(CurrentUser user, long siteId, String code) {
		return jdbc.sql("select " + ROOM_COLUMNS + " from " + ROOM_FROM
				+ " where r.site_id = :site and r.code = :code and r.site_id = any(:sites)")
			.param("site", siteId)
			.param("code", code)
			.param("sites", user.sites())
			.query(RoomSummary.class)
			.optional();
	}

	/** The rooms of the site with these codes (codes not found are left out), in one query. */
	public List<RoomSummary> roomsByCodes(CurrentUser user, long siteId, Collection<String> codes) {
		return jdbc.sql("select " + ROOM_COLUMNS + " from " + ROOM_FROM
				+ " where r.site_id = :site and r.code = any(:codes) and r.site_id = any(:sites)")
			.param("site", siteId)
			.param("codes", codes.toArray(String[]::new))
			.param("sites", user.sites())
			.query(RoomSummary.class)
			.list();
	}

	@Transactional
	public RoomSummary updateRoom(CurrentUser user, long id, String code, BigDecimal area, int version) {
		Permissions.require(user, Permissions.PLACES);
		RoomSummary room = room(user, id);
		RoomCode roomCode = RoomCode.parse(code);
		if (area != null && area.signum() <= 0) {
			throw new InvalidInputException("area", "建筑面积必须大于 0");
		}
		try {
			int updated = jdbc.sql("""
					update directory.room set code = :code, area = :area, version = version + 1
					where id = :id and version = :version""")
				.param("id", id)
				.param("code", roomCode.value())
				.param("area", area)
				.param("version", version)
				.update();
			if (updated == 0) {
				throw new StaleDataException();
			}
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("code", "房号 " + roomCode + " 在本项目中已存在");
		}
		return room(user, room.id());
	}

	/** Deletes an empty room; a room where a household lives is refused. */
	@Transactional
	public void deleteRoom(CurrentUser user, long id) {
		Permissions.require(user, Permissions.PLACES);
		RoomSummary room = room(user, id);
		if (room.householdId() != null) {
			throw new InvalidInputException("room", "房间 " + room.code() + " 有住户“" + room.householdName()
					+ "”，不能删除；请先将住户迁出");
		}
		jdbc.sql("delete from directory.room where id = :id").param("id", id).update();
	}

	// ---- public areas

	public List<PublicAreaSummary> publicAreas(CurrentUser user, long siteId) {
		return jdbc.sql("""
				select id, site_id, name, kind from directory.public_area
				where site_id = :site and site_id = any(:sites) order by kind, name""")
			.param("site", siteId)
			.param("sites", user.sites())
			.query(PublicAreaSummary.class)
			.list();
	}

	public PublicAreaSummary publicArea(CurrentUser user, long id) {
		return jdbc.sql("select id, site_id, name, kind from directory.public_area where id = :id and site_id = any(:sites)")
			.param("id", id)
			.param("sites", user.sites())
			.query(PublicAreaSummary.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该公共区域"));
	}

	@Transactional
	public PublicAreaSummary createPublicArea(CurrentUser user, long siteId, String name, String kind) {
		Permissions.require(user, Permissions.PLACES);
		site(user, siteId);
		String cleanName = required(name, "name", "区域名称");
		String cleanKind = required(kind, "kind", "区域类别");
		try {
			long id = jdbc.sql("insert into directory.public_area (site_id, name, kind) values (:site, :name, :kind) returning id")
				.param("site", siteId)
				.param("name", cleanName)
				.param("kind", cleanKind)
				.query(Long.class)
				.single();
			return new PublicAreaSummary(id, siteId, cleanName, cleanKind);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("name", "公共区域“" + cleanName + "”在本项目中已存在");
		}
	}

	private java.util.Optional<RoomSummary> roomWhere(CurrentUser user, String condition, Object key) {
		return jdbc.sql("select " + ROOM_COLUMNS + " from " + ROOM_FROM + " where " + condition
				+ " and r.site_id = any(:sites)")
			.param("key", key)
			.param("sites", user.sites())
			.query(RoomSummary.class)
			.optional();
	}

	/** Checks a building's code as typed (楼栋编号) and returns it without surrounding blanks. */
	public static String buildingCode(String code) {
		String cleanCode = required(code, "code", "楼栋编号");
		if (!cleanCode.matches("[\\p{IsHan}A-Za-z0-9]{1,12}")) {
			throw new InvalidInputException("code", "楼栋编号只能由 1–12 位汉字、字母或数字组成，如 180 或 A座");
		}
		return cleanCode;
	}

	/** The name a building gets when none is given: {@code 180} → {@code 180幢}. */
	public static String defaultBuildingName(String code) {
		return code + "幢";
	}

	static String required(String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "请填写" + label);
		}
		return value.strip();
	}

	private static void requireRange(int value, String field, String label, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidInputException(field, label + "应在 " + min + " 到 " + max + " 之间");
		}
	}
}
