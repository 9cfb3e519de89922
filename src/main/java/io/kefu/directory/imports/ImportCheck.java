package io.kefu.directory.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;

import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.directory.imports.ImportSheet.Line;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.PhoneNumber;
import io.kefu.shared.RoomCode;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static io.kefu.directory.imports.ImportColumn.AREA;
import static io.kefu.directory.imports.ImportColumn.BUILDING;
import static io.kefu.directory.imports.ImportColumn.ENTRANCE;
import static io.kefu.directory.imports.ImportColumn.FLOOR;
import static io.kefu.directory.imports.ImportColumn.HOUSEHOLD;
import static io.kefu.directory.imports.ImportColumn.MOVE_IN;
import static io.kefu.directory.imports.ImportColumn.ROOM;
import static io.kefu.directory.imports.ImportColumn.ROOM_CODE;
import static io.kefu.directory.imports.ImportColumn.SITE;
import static io.kefu.directory.imports.ImportColumn.STATE;

/**
 * Checks every row of a file against the rules and against the database, within
 * the sites given, and collects every problem; writes nothing.
 */
@Component
class ImportCheck {

	private static final int PROGRESS_EVERY = 1000;

	private static final int MAX_NAME_LENGTH = 100;

	private static final BigDecimal MAX_AREA = new BigDecimal("99999999.99");

	private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd")
		.stream()
		.map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private final JdbcClient jdbc;

	private final Map<String, HouseholdState> states = new HashMap<>();

	private final Map<String, PersonRole> roles = new HashMap<>();

	ImportCheck(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		for (HouseholdState state : HouseholdState.values()) {
			states.put(messages.getMessage("state." + state.name(), null, Locale.SIMPLIFIED_CHINESE), state);
			states.put(state.name(), state);
		}
		states.put("装修", HouseholdState.RENOVATING);
		for (PersonRole role : PersonRole.values()) {
			roles.put(messages.getMessage("personRole." + role.name(), null, Locale.SIMPLIFIED_CHINESE), role);
			roles.put(role.name(), role);
		}
	}

	/**
	 * Checks a whole file. {@code progress} hears how many rows have been checked,
	 * every thousand rows and at the end.
	 */
	ImportPlan check(byte[] content, Long[] sites, IntConsumer progress) {
		Map<String, Long> siteIds = new HashMap<>();
		jdbc.sql("select id, code from directory.site where id = any(:sites)")
			.param("sites", sites)
			.query(rs -> {
				siteIds.put(rs.getString("code").toUpperCase(Locale.ROOT), rs.getLong("id"));
			});
		Problems problems = new Problems();
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> firstLineOfRoom = new HashMap<>();
		int[] lines = { 0 };
		ImportSheet.read(content, line -> {
			ImportRow row = row(line, siteIds, problems);
			if (row != null) {
				Integer first = firstLineOfRoom.putIfAbsent(row.siteId() + "#" + row.roomCode(), line.number());
				if (first == null) {
					rows.add(row);
				}
				else {
					problems.add(line, ROOM_CODE, "房号 " + row.roomCode() + " 与第 " + first + " 行重复");
				}
			}
			if (++lines[0] % PROGRESS_EVERY == 0) {
				progress.accept(lines[0]);
			}
		});
		progress.accept(lines[0]);
		existingRooms(rows).forEach(row -> problems.add(row.line(), ROOM_CODE,
				"房号 " + row.roomCode() + " 在该项目中已存在"));
		Set<String> buildings = new HashSet<>();
		rows.forEach(row -> buildings.add(row.siteId() + "#" + row.building()));
		int existingBuildings = jdbc.sql("""
				select count(*) from directory.building b
				join unnest(:sites::bigint[], :codes::text[]) as u(site_id, code) on b.site_id = u.site_id and b.code = u.code""")
			.param("sites", buildings.stream().map(b -> Long.valueOf(b.substring(0, b.indexOf('#')))).toArray(Long[]::new))
			.param("codes", buildings.stream().map(b -> b.substring(b.indexOf('#') + 1)).toArray(String[]::new))
			.query(Integer.class)
			.single();
		return new ImportPlan(rows, problems.sorted(), lines[0], buildings.size(), buildings.size() - existingBuildings);
	}

	private List<ImportRow> existingRooms(List<ImportRow> rows) {
		Set<Integer> existing = new HashSet<>(jdbc.sql("""
				select u.line from unnest(:sites::bigint[], :codes::text[], :lines::int[]) as u(site_id, code, line)
				join directory.room r on r.site_id = u.site_id and r.code = u.code""")
			.param("sites", rows.stream().map(ImportRow::siteId).toArray(Long[]::new))
			.param("codes", rows.stream().map(ImportRow::roomCode).toArray(String[]::new))
			.param("lines", rows.stream().map(ImportRow::line).toArray(Integer[]::new))
			.query(Integer.class)
			.list());
		return rows.stream().filter(row -> existing.contains(row.line())).toList();
	}

	/** The row, checked; {@code null} if anything in it is wrong (and then the problems say what). */
	private ImportRow row(Line line, Map<String, Long> siteIds, Problems problems) {
		int before = problems.count();
		Long siteId = null;
		String siteCode = line.get(SITE);
		if (siteCode.isEmpty()) {
			problems.add(line, SITE, "请填写项目编码");
		}
		else {
			siteId = siteIds.get(siteCode.toUpperCase(Locale.ROOT));
			if (siteId == null) {
				problems.add(line, SITE, "项目编码“" + siteCode + "”不存在，或不是您负责的项目");
			}
		}
		String building = problems.parse(line, BUILDING, Places::buildingCode);
		Integer entrance = whole(line, ENTRANCE, 1, 99, problems);
		Integer floor = whole(line, FLOOR, 1, 200, problems);
		Integer number = whole(line, ROOM, 1, 999, problems);
		String roomCode = roomCode(line, building, entrance, floor, number, problems);
		BigDecimal area = area(line, problems);
		String household = line.get(HOUSEHOLD);
		HouseholdState state = null;
		LocalDate moveIn = null;
		List<PersonInput> people = new ArrayList<>();
		if (household.isEmpty()) {
			household = null;
			if (!line.isBlank(STATE, MOVE_IN) || ImportColumn.PEOPLE.stream().anyMatch(p -> !line.isBlank(p))) {
				problems.add(line, HOUSEHOLD, "填写了入住状态、入住日期或人员，却没有填写户名；空房间请把这些列留空");
			}
		}
		else {
			if (household.length() > MAX_NAME_LENGTH) {
				problems.add(line, HOUSEHOLD, "户名不能超过 " + MAX_NAME_LENGTH + " 个字");
			}
			state = state(line, problems);
			moveIn = line.get(MOVE_IN).isEmpty() ? null : date(line, problems);
			for (ImportColumn[] columns : ImportColumn.PEOPLE) {
				PersonInput person = person(line, columns, problems);
				if (person != null) {
					people.add(person);
				}
			}
		}
		if (problems.count() > before) {
			return null;
		}
		return new ImportRow(line.number(), siteId, building, entrance, floor, number, roomCode, area, household,
				state, moveIn, List.copyOf(people));
	}

	private static Integer whole(Line line, ImportColumn column, int min, int max, Problems problems) {
		String text = line.get(column);
		if (text.isEmpty()) {
			problems.add(line, column, "请填写" + column.header());
			return null;
		}
		try {
			int value = Integer.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		problems.add(line, column, column.header() + "“" + text + "”无效：应为 " + min + "–" + max + " 的整数");
		return null;
	}

	private static String roomCode(Line line, String building, Integer entrance, Integer floor, Integer number,
			Problems problems) {
		if (line.get(ROOM_CODE).isEmpty()) {
			return building == null || entrance == null || floor == null || number == null ? null
					: RoomCode.of(building, entrance, floor, number).value();
		}
		String code = problems.parse(line, ROOM_CODE, text -> RoomCode.parse(text).value());
		if (code != null && building != null
				&& !code.toUpperCase(Locale.ROOT).startsWith(building.toUpperCase(Locale.ROOT) + "#")) {
			problems.add(line, ROOM_CODE, "房号“" + code + "”不属于楼栋“" + building + "”：应以“" + building + "#”开头");
		}
		return code;
	}

	private static BigDecimal area(Line line, Problems problems) {
		String text = line.get(AREA);
		if (text.isEmpty()) {
			return null;
		}
		try {
			BigDecimal area = new BigDecimal(text).setScale(2, RoundingMode.HALF_UP);
			if (area.signum() > 0 && area.compareTo(MAX_AREA) <= 0) {
				return area;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		problems.add(line, AREA, "建筑面积“" + text + "”无效：应为大于 0 的数字（平方米），如 89.5");
		return null;
	}

	private HouseholdState state(Line line, Problems problems) {
		String text = line.get(STATE);
		if (text.isEmpty()) {
			problems.add(line, STATE, "请填写入住状态：入住、空置 或 装修中");
			return null;
		}
		HouseholdState state = states.get(text.toUpperCase(Locale.ROOT));
		if (state == null) {
			problems.add(line, STATE, "入住状态“" + text + "”无效：应为 入住、空置 或 装修中");
		}
		return state;
	}

	private static LocalDate date(Line line, Problems problems) {
		String text = line.get(MOVE_IN);
		for (DateTimeFormatter format : DATES) {
			try {
				LocalDate date = LocalDate.parse(text, format);
				if (date.getYear() >= 1900 && date.getYear() <= 2100) {
					return date;
				}
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		problems.add(line, MOVE_IN, "入住日期“" + text + "”无效：应为 yyyy-MM-dd 格式的日期，如 2024-03-01");
		return null;
	}

	private PersonInput person(Line line, ImportColumn[] columns, Problems problems) {
		if (line.isBlank(columns)) {
			return null;
		}
		ImportColumn nameColumn = columns[0];
		ImportColumn roleColumn = columns[1];
		ImportColumn phoneColumn = columns[2];
		String roleText = line.get(roleColumn);
		PersonRole role = roles.get(roleText.toUpperCase(Locale.ROOT));
		if (role == null) {
			problems.add(line, roleColumn, roleText.isEmpty() ? "请填写" + roleColumn.header() + "：业主、家庭成员、租户 或 商户"
					: roleColumn.header() + "“" + roleText + "”无效：应为 业主、家庭成员、租户 或 商户");
		}
		try {
			// a stand-in role lets the name and phone be checked even when the role is wrong
			PersonInput person = Households.checked(new PersonInput(line.get(nameColumn),
					role == null ? PersonRole.FAMILY : role, line.get(phoneColumn), null));
			return role == null ? null : person;
		}
		catch (InvalidInputException ex) {
			boolean nameFault = !"phone".equals(ex.field());
			problems.add(line, nameFault ? nameColumn : phoneColumn, ex.getMessage());
			if (nameFault && !line.get(phoneColumn).isEmpty()) {
				problems.parse(line, phoneColumn, PhoneNumber::parse);
			}
			return null;
		}
	}

	/** The problems of a file as they are found. */
	static final class Problems {

		private final List<ImportProblem> found = new ArrayList<>();

		void add(Line line, ImportColumn column, String message) {
			add(line.number(), column, message);
		}

		void add(int line, ImportColumn column, String message) {
			found.add(new ImportProblem(line, column.header(), message));
		}

		/** The cell's text parsed, or {@code null} with a problem if the parser refuses it. */
		<T> T parse(Line line, ImportColumn column, Function<String, T> parser) {
			try {
				return parser.apply(line.get(column));
			}
			catch (InvalidInputException ex) {
				add(line, column, ex.getMessage());
				return null;
			}
		}

		int count() {
			return found.size();
		}

		List<ImportProblem> sorted() {
			Map<String, Integer> order = new HashMap<>();
			for (ImportColumn column : ImportColumn.values()) {
				order.put(column.header(), column.ordinal());
			}
			return found.stream()
				.sorted(Comparator.comparingInt(ImportProblem::row)
					.thenComparingInt(problem -> order.getOrDefault(problem.column(), 0)))
				.toList();
		}
	}
}
