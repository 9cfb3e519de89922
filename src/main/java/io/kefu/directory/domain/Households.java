package io.kefu.directory.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.kefu.directory.ArchiveDocumentKind;
import io.kefu.directory.HouseholdCard;
import io.kefu.directory.HouseholdDetails;
import io.kefu.directory.HouseholdDetails.ArchiveItem;
import io.kefu.directory.HouseholdDetails.Attachment;
import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.HouseholdSummary;
import io.kefu.directory.OccupiedHousehold;
import io.kefu.directory.PersonDetails;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.PersonalDataView;
import io.kefu.directory.RoomSummary;
import io.kefu.security.AccountManagement;
import io.kefu.security.AccountSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.FileType;
import io.kefu.shared.IdNumber;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Page;
import io.kefu.shared.PhoneNumber;
import io.kefu.shared.RoomCode;
import io.kefu.shared.StaleDataException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households (业户) with their people, rooms and archive, and the one search box
 * that finds them by name, phone (whole or last four digits) or room code.
 */
@Service
public class Households {

	public static final int SEARCH_LIMIT = 20;

	public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

	private static final Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

	private static final String SUMMARY = """
			select h.id, h.site_id, s.name as site_name, h.name, h.state, h.move_in_date,
			       (select string_agg(r.code, '、' order by r.code) from directory.household_room hr
			          join directory.room r on r.id = hr.room_id where hr.household_id = h.id) as rooms,
			       (select string_agg(p.name, '、' order by p.id) from directory.person p
			          where p.household_id = h.id) as people,
			       (select string_agg(p.phone, '、' order by p.id) from directory.person p
			          where p.household_id = h.id and p.phone is not null) as phones
			from directory.household h join directory.site s on s.id = h.site_id
			""";

	private final JdbcClient jdbc;

	private final Places places;

	private final AccountManagement accounts;

	Households(JdbcClient jdbc, Places places, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.places = places;
		this.accounts = accounts;
	}

	// ---- finding

	/**
	 * Finds households from one box: four digits are the end of a phone number, seven
	 * or more digits a whole phone number, a text with {@code #} (or digits) the start of
	 * a room code, anything else the start of a person's or household's name.
	 */
	public List<HouseholdSummary> search(CurrentUser user, String query) {
		String q = query == null ? "" : query.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		String digits = q.replaceAll("[\\s-]", "");
		List<Long> ids;
		if (digits.matches("\\d{4}")) {
			ids = idsWhere("select household_id from directory.person where phone_last4 = :q and site_id = any(:sites)",
					user, digits);
		}
		else if (digits.matches("\\+?\\d{7,}")) {
			ids = idsWhere("select household_id from directory.person where phone = :q and site_id = any(:sites)",
					user, normalizedPhone(q));
		}
		else if (q.contains("#") || q.contains("＃") || digits.matches("\\d{1,3}")) {
			ids = idsWhere("""
					select hr.household_id from directory.room r join directory.household_room hr on hr.room_id = r.id
					where r.code like :q and r.site_id = any(:sites)""", user, likePrefix(roomCodePrefix(q)));
		}
		else {
			ids = idsWhere("""
					(select household_id from directory.person where name like :q and site_id = any(:sites) limit :limit)
					union
					(select id from directory.household where name like :q and site_id = any(:sites) limit :limit)""",
					user, likePrefix(q));
		}
		return summaries(user, ids);
	}

	private List<Long> idsWhere(String sql, CurrentUser user, String q) {
		return jdbc.sql("select distinct id from (" + sql + ") as found(id) limit :limit")
			.param("q", q)
			.param("sites", user.sites())
			.param("limit", SEARCH_LIMIT)
			.query(Long.class)
			.list();
	}

	/** One household as lists show it (phones masked where the role requires). */
	public HouseholdSummary summary(CurrentUser user, long id) {
		return summaries(user, List.of(id)).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有找到该业户"));
	}

	/** A page of households of one site (or all the caller's sites), by id. */
	public Page<HouseholdSummary> list(CurrentUser user, Long siteId, HouseholdState state, String cursor,
			Integer size) {
		int limit = Page.size(size);
		long after = cursor == null || cursor.isBlank() ? 0 : parseCursor(cursor);
		List<HouseholdSummary> rows = jdbc.sql(SUMMARY + """
				where h.site_id = any(:sites) and (cast(:site as bigint) is null or h.site_id = :site)
				  and (cast(:state as text) is null or h.state = :state) and h.id > :after
				order by h.id limit :limit""")
			.param("sites", user.sites())
			.param("site", siteId)
			.param("state", state == null ? null : state.name())
			.param("after", after)
			.param("limit", limit + 1)
			.query(HouseholdSummary.class)
			.list();
		String next = rows.size() > limit ? String.valueOf(rows.get(limit - 1).id()) : null;
		return new Page<>(masked(user, rows.subList(0, Math.min(limit, rows.size()))), next);
	}

	/** The households living at the site that have a room, by id. */
	public List<OccupiedHousehold> occupied(CurrentUser user, long siteId) {
		places.site(user, siteId);
		return jdbc.sql("""
				select distinct on (h.id) h.id as household_id, h.name, b.id as building_id, b.name as building_name,
				       r.code as room_code
				from directory.household h
				join directory.household_room hr on hr.household_id = h.id
				join directory.room r on r.id = hr.room_id
				join directory.building b on b.id = r.building_id
				where h.site_id = :site and h.state = 'OCCUPIED'
				order by h.id, r.code""")
			.param("site", siteId)
			.query(OccupiedHousehold.class)
			.list();
	}

	/** Every household of the caller's sites (or one site), in batches, for exports. */
	public void forEach(CurrentUser user, Long siteId, Consumer<HouseholdSummary> action) {
		String cursor = null;
		do {
			Page<HouseholdSummary> page = list(user, siteId, null, cursor, Page.MAX_SIZE);
			page.items().forEach(action);
			cursor = page.nextCursor();
		}
		while (cursor != null);
	}

	/** The households with these ids within the caller's sites, in one query. */
	public List<HouseholdSummary> summaries(CurrentUser user, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return masked(user, jdbc.sql(SUMMARY + " where h.id = any(:ids) and h.site_id = any(:sites) order by h.name, h.id")
			.param("ids", ids.toArray(Long[]::new))
			.param("sites", user.sites())
			.query(HouseholdSummary.class)
			.list());
	}

	private static List<HouseholdSummary> masked(CurrentUser user, List<HouseholdSummary> rows) {
		if (user.seesPersonalData()) {
			return rows;
		}
		return rows.stream()
			.map(h -> new HouseholdSummary(h.id(), h.siteId(), h.siteName(), h.name(), h.state(), h.moveInDate(),
					h.rooms(), h.people(), h.phones() == null ? null
							: String.join("、", Arrays.stream(h.phones().split("、")).map(PhoneNumber::mask).toList())))
			.toList();
	}

	// ---- the household page

	/** The household page; the view of personal data is recorded. */
	@Transactional
	public HouseholdDetails details(CurrentUser user, long id) {
		var head = jdbc.sql("""
				select h.id, h.site_id, s.name as site_name, h.name, h.state, h.move_in_date, h.note, h.version
				from directory.household h join directory.site s on s.id = h.site_id
				where h.id = :id and h.site_id = any(:sites)""")
			.param("id", id)
			.param("sites", user.sites())
			.query((rs, n) -> new HouseholdDetails(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"),
					rs.getString("name"), HouseholdState.valueOf(rs.getString("state")),
					rs.getObject("move_in_date", LocalDate.class), rs.getString("note"), rs.getInt("version"),
					List.of(), List.of(), List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该业户"));
		Long[] ids = { id };
		List<PersonDetails> people = people(user, ids, true).getOrDefault(id, List.of());
		List<RoomSummary> rooms = rooms(user, ids).getOrDefault(id, List.of());
		jdbc.sql("insert into directory.personal_data_view (household_id, account_id) values (:id, :account)")
			.param("id", id)
			.param("account", user.accountId())
			.update();
		return new HouseholdDetails(head.id(), head.siteId(), head.siteName(), head.name(), head.state(),
				head.moveInDate(), head.note(), head.version(), people, rooms, archive(id));
	}

	/**
	 * The intake screen's search: the households found (at most {@code limit}), each
	 * with its people and rooms. Like the search list, not recorded as a view of the
	 * household page; ID numbers are left out.
	 */
	public List<HouseholdCard> cards(CurrentUser user, String query, int limit) {
		List<HouseholdSummary> found = search(user, query).stream().limit(limit).toList();
		if (found.isEmpty()) {
			return List.of();
		}
		Long[] ids = found.stream().map(HouseholdSummary::id).toArray(Long[]::new);
		Map<Long, List<PersonDetails>> people = people(user, ids, false);
		Map<Long, List<RoomSummary>> rooms = rooms(user, ids);
		return found.stream()
			.map(h -> new HouseholdCard(h, people.getOrDefault(h.id(), List.of()), rooms.getOrDefault(h.id(), List.of())))
			.toList();
	}

	/** The people of the households, owners first; phones (and ID numbers, if asked for) masked per role. */
	private Map<Long, List<PersonDetails>> people(CurrentUser user, Long[] householdIds, boolean idNumbers) {
		boolean plain = user.seesPersonalData();
		Map<Long, List<PersonDetails>> people = new HashMap<>();
		jdbc.sql("""
				select household_id, id, name, role, phone, id_number from directory.person
				where household_id = any(:ids) and site_id = any(:sites) order by household_id,
				case role when 'OWNER' then 0 when 'SHOP_TENANT' then 1 when 'TENANT' then 2 else 3 end, id""")
			.param("ids", householdIds)
			.param("sites", user.sites())
			.query(rs -> {
				String idNumber = !idNumbers ? null
						: plain ? rs.getString("id_number") : IdNumber.mask(rs.getString("id_number"));
				people.computeIfAbsent(rs.getLong("household_id"), k -> new ArrayList<>())
					.add(new PersonDetails(rs.getLong("id"), rs.getString("name"),
							PersonRole.valueOf(rs.getString("role")),
							plain ? rs.getString("phone") : PhoneNumber.mask(rs.getString("phone")), idNumber));
			});
		return people;
	}

	private Map<Long, List<RoomSummary>> rooms(CurrentUser user, Long[] householdIds) {
		return jdbc.sql("""
				select r.id, r.site_id, r.building_id, r.code, r.entrance, r.floor, r.number, r.area,
				       hr.household_id, h.name as household_name, r.version
				from directory.household_room hr join directory.room r on r.id = hr.room_id
				join directory.household h on h.id = hr.household_id
				where hr.household_id = any(:ids) and r.site_id = any(:sites) order by r.code""")
			.param("ids", householdIds)
			.param("sites", user.sites())
			.query(RoomSummary.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(RoomSummary::householdId, LinkedHashMap::new, Collectors.toList()));
	}

	/** Who opened the household page, newest first; for supervisors, managers and administrators. */
	public List<PersonalDataView> views(CurrentUser user, long householdId) {
		Permissions.require(user, Permissions.AUDIT);
		siteOf(user, householdId);
		List<Object[]> rows = jdbc.sql("""
				select viewed_at, account_id from directory.personal_data_view
				where household_id = :id order by viewed_at desc limit 50""")
			.param("id", householdId)
			.query((rs, n) -> new Object[] { rs.getObject("viewed_at", OffsetDateTime.class).toInstant(),
					rs.getLong("account_id") })
			.list();
		Map<Long, AccountSummary> accounts = this.accounts.findByIds(rows.stream().map(r -> (Long) r[1]).distinct().toList())
			.stream()
			.collect(Collectors.toMap(AccountSummary::id, a -> a));
		return rows.stream().map(r -> {
			AccountSummary account = accounts.get((Long) r[1]);
			return new PersonalDataView((java.time.Instant) r[0], account == null ? "?" : account.username(),
					account == null ? "?" : account.displayName());
		}).toList();
	}

	private List<ArchiveItem> archive(long householdId) {
		Map<ArchiveDocumentKind, Object[]> documents = new LinkedHashMap<>();
		jdbc.sql("select kind, on_file, note from directory.archive_document where household_id = :id")
			.param("id", householdId)
			.query(rs -> {
				documents.put(ArchiveDocumentKind.valueOf(rs.getString("kind")),
						new Object[] { rs.getBoolean("on_file"), rs.getString("note") });
			});
		Map<ArchiveDocumentKind, List<Attachment>> attachments = new LinkedHashMap<>();
		jdbc.sql("""
				select id, kind, filename, size, uploaded_at, uploaded_by from directory.archive_attachment
				where household_id = :id order by uploaded_at""")
			.param("id", householdId)
			.query(rs -> {
				attachments.computeIfAbsent(ArchiveDocumentKind.valueOf(rs.getString("kind")), k -> new ArrayList<>())
					.add(new Attachment(rs.getLong("id"), rs.getString("filename"), rs.getLong("size"),
							rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("uploaded_by")));
			});
		return Arrays.stream(ArchiveDocumentKind.values()).map(kind -> {
			Object[] doc = documents.get(kind);
			List<Attachment> files = attachments.getOrDefault(kind, List.of());
			boolean onFile = doc != null && (Boolean) doc[0] || !files.isEmpty();
			return new ArchiveItem(kind, onFile, doc == null ? "" : (String) doc[1], files);
		}).toList();
	}

	// ---- changes

	/** Whether the user's roles allow changing households (pages hide what they may not do). */
	public boolean mayChange(CurrentUser user) {
		return Arrays.stream(Permissions.HOUSEHOLDS).anyMatch(user::hasRole);
	}

	@Transactional
	public long create(CurrentUser user, HouseholdInput input) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		places.site(user, input.siteId());
		String name = Places.required(input.name(), "name", "户名");
		if (input.state() == null) {
			throw new InvalidInputException("state", "请选择入住状态");
		}
		List<PersonInput> people = input.people() == null ? List.of() : input.people();
		people.forEach(Households::checked);
		List<Long> roomIds = freeRooms(user, input.siteId(), input.roomCodes() == null ? List.of() : input.roomCodes());
		long id = jdbc.sql("""
				insert into directory.household (site_id, name, state, move_in_date, note)
				values (:site, :name, :state, :moveIn, :note) returning id""")
			.param("site", input.siteId())
			.param("name", name)
			.param("state", input.state().name())
			.param("moveIn", input.moveInDate())
			.param("note", input.note() == null ? "" : input.note().strip())
			.query(Long.class)
			.single();
		roomIds.forEach(roomId -> linkRoom(id, roomId));
		people.forEach(p -> insertPerson(id, input.siteId(), checked(p)));
		return id;
	}

	@Transactional
	public void update(CurrentUser user, long id, String name, HouseholdState state, LocalDate moveInDate,
			String note, int version) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		String cleanName = Places.required(name, "name", "户名");
		if (state == null) {
			throw new InvalidInputException("state", "请选择入住状态");
		}
		int updated = jdbc.sql("""
				update directory.household set name = :name, state = :state, move_in_date = :moveIn, note = :note,
				       version = version + 1
				where id = :id and site_id = any(:sites) and version = :version""")
			.param("id", id)
			.param("sites", user.sites())
			.param("name", cleanName)
			.param("state", state.name())
			.param("moveIn", moveInDate)
			.param("note", note == null ? "" : note.strip())
			.param("version", version)
			.update();
		if (updated == 0) {
			siteOf(user, id);
			throw new StaleDataException();
		}
	}

	@Transactional
	public long addPerson(CurrentUser user, long householdId, PersonInput input) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		long siteId = siteOf(user, householdId);
		return insertPerson(householdId, siteId, checked(input));
	}

	@Transactional
	public void updatePerson(CurrentUser user, long personId, PersonInput input) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		PersonInput person = checked(input);
		int updated = jdbc.sql("""
				update directory.person set name = :name, role = :role, phone = :phone, id_number = :idNumber,
				       version = version + 1
				where id = :id and site_id = any(:sites)""")
			.param("id", personId)
			.param("sites", user.sites())
			.param("name", person.name())
			.param("role", person.role().name())
			.param("phone", person.phone())
			.param("idNumber", person.idNumber())
			.update();
		if (updated == 0) {
			throw new NotFoundException("没有找到该人员");
		}
	}

	@Transactional
	public void removePerson(CurrentUser user, long personId) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		if (jdbc.sql("delete from directory.person where id = :id and site_id = any(:sites)")
			.param("id", personId)
			.param("sites", user.sites())
			.update() == 0) {
			throw new NotFoundException("没有找到该人员");
		}
	}

	@Transactional
	public void addRoom(CurrentUser user, long householdId, String roomCode) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		long siteId = siteOf(user, householdId);
		freeRooms(user, siteId, List.of(roomCode)).forEach(roomId -> linkRoom(householdId, roomId));
	}

	@Transactional
	public void removeRoom(CurrentUser user, long householdId, long roomId) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		siteOf(user, householdId);
		jdbc.sql("delete from directory.household_room where household_id = :h and room_id = :r")
			.param("h", householdId)
			.param("r", roomId)
			.update();
	}

	@Transactional
	public void recordDocument(CurrentUser user, long householdId, ArchiveDocumentKind kind, boolean onFile,
			String note) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		siteOf(user, householdId);
		if (kind == null) {
			throw new InvalidInputException("kind", "请选择档案资料类别");
		}
		jdbc.sql("""
				insert into directory.archive_document (household_id, kind, on_file, note) values (:h, :kind, :onFile, :note)
				on conflict (household_id, kind) do update set on_file = excluded.on_file, note = excluded.note,
				       updated_at = now()""")
			.param("h", householdId)
			.param("kind", kind.name())
			.param("onFile", onFile)
			.param("note", note == null ? "" : note.strip())
			.update();
	}

	@Transactional
	public long attach(CurrentUser user, long householdId, ArchiveDocumentKind kind, String filename,
			String contentType, byte[] content) {
		Permissions.require(user, Permissions.HOUSEHOLDS);
		siteOf(user, householdId);
		if (kind == null) {
			throw new InvalidInputException("kind", "请选择档案资料类别");
		}
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "请选择要上传的文件");
		}
		if (content.length > MAX_ATTACHMENT_BYTES) {
			throw new InvalidInputException("file", "文件太大：档案附件不能超过 10 MB");
		}
		String type = FileType.of(content).map(FileType::mediaType).orElse(null);
		if (type == null || !ATTACHMENT_TYPES.contains(type)) {
			throw new InvalidInputException("file", "只能上传 PDF、JPEG 或 PNG 文件");
		}
		return jdbc.sql("""
				insert into directory.archive_attachment (household_id, kind, filename, content_type, size, content, uploaded_by)
				values (:h, :kind, :filename, :type, :size, :content, :by) returning id""")
			.param("h", householdId)
			.param("kind", kind.name())
			.param("filename", filename == null || filename.isBlank() ? "附件" : filename.strip())
			.param("type", type)
			.param("size", content.length)
			.param("content", content)
			.param("by", user.displayName())
			.query(Long.class)
			.single();
	}

	/** An attachment's file, only within the caller's sites. */
	public StoredFile attachment(CurrentUser user, long attachmentId) {
		return jdbc.sql("""
				select a.filename, a.content_type, a.content from directory.archive_attachment a
				join directory.household h on h.id = a.household_id
				where a.id = :id and h.site_id = any(:sites)""")
			.param("id", attachmentId)
			.param("sites", user.sites())
			.query((rs, n) -> new StoredFile(rs.getString("filename"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该附件"));
	}

	public record StoredFile(String filename, String contentType, byte[] content) {
	}

	// ---- rules

	/** Checks a person's fields and returns them normalized (phone and ID number). */
	public static PersonInput checked(PersonInput input) {
		String name = Places.required(input.name(), "name", "姓名");
		if (name.length() > 50) {
			throw new InvalidInputException("name", "姓名不能超过 50 个字");
		}
		if (input.role() == null) {
			throw new InvalidInputException("role", "请选择人员身份（业主、家庭成员、租户或商户）");
		}
		String phone = input.phone() == null || input.phone().isBlank() ? null : PhoneNumber.parse(input.phone()).value();
		String idNumber = input.idNumber() == null || input.idNumber().isBlank() ? null
				: IdNumber.parse(input.idNumber()).value();
		return new PersonInput(name, input.role(), phone, idNumber);
	}

	private long insertPerson(long householdId, long siteId, PersonInput person) {
		return jdbc.sql("""
				insert into directory.person (household_id, site_id, name, role, phone, id_number)
				values (:h, :site, :name, :role, :phone, :idNumber) returning id""")
			.param("h", householdId)
			.param("site", siteId)
			.param("name", person.name())
			.param("role", person.role().name())
			.param("phone", person.phone())
			.param("idNumber", person.idNumber())
			.query(Long.class)
			.single();
	}

	private List<Long> freeRooms(CurrentUser user, long siteId, List<String> codes) {
		Set<String> unique = new LinkedHashSet<>();
		for (String code : codes) {
			if (!unique.add(RoomCode.parse(code).value())) {
				throw new InvalidInputException("roomCodes", "房号 " + code + " 重复填写");
			}
		}
		List<Long> ids = new ArrayList<>();
		for (String code : unique) {
			RoomSummary room = places.roomByCode(user, siteId, code)
				.orElseThrow(() -> new InvalidInputException("roomCodes", "本项目没有房号 " + code));
			if (room.householdId() != null) {
				throw new InvalidInputException("roomCodes", "房号 " + code + " 已登记给业户“" + room.householdName() + "”");
			}
			ids.add(room.id());
		}
		return ids;
	}

	private void linkRoom(long householdId, long roomId) {
		jdbc.sql("insert into directory.household_room (household_id, room_id) values (:h, :r)")
			.param("h", householdId)
			.param("r", roomId)
			.update();
	}

	private long siteOf(CurrentUser user, long householdId) {
		return jdbc.sql("select site_id from directory.household where id = :id and site_id = any(:sites)")
			.param("id", householdId)
			.param("sites", user.sites())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("没有找到该业户"));
	}

	private static String normalizedPhone(String q) {
		try {
			return PhoneNumber.parse(q).value();
		}
		catch (InvalidInputException ex) {
			return q.replaceAll("\\D", "");
		}
	}

	private static String roomCodePrefix(String q) {
		return q.replace('＃', '#').replace('－', '-').toUpperCase();
	}

	private static String likePrefix(String q) {
		return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static long parseCursor(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("cursor", "分页游标无效");
		}
	}
}
