package io.kefu.request;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills Kefu with a company's worth of realistic data in bulk SQL, for benchmarks: sites
 * with buildings, rooms, households (an owner, often family), public areas and staff, and
 * years of service requests with the mix of types, categories, channels and states a real
 * service desk sees, each with its history, per-site daily numbers and counters.
 * <p>
 * Everything is set-based ({@code insert … select} over {@code generate_series}) and
 * written in one transaction, so a failure leaves nothing behind. Inside it the queue
 * counter trigger and the foreign-key triggers are switched off
 * ({@code session_replication_role = replica}, for this transaction only): the rows are
 * consistent by construction, and the counters are then computed once from the rows. At
 * the end the loaded tables are vacuumed and analyzed, as autovacuum would have long done
 * on a live system, so that plans and visibility maps are those of steady state.
 */
@Component
public final class RequestDataGenerator {

	/** How much to make. Households per site = buildings × entrances × floors × rooms per floor. */
	public record Settings(int sites, int buildingsPerSite, int entrances, int floors, int roomsPerFloor, int requests,
			int years, double seed) {

		/** The benchmark: 100 sites of 2,000 households, 1,000,000 requests over 3 years. */
		public static Settings million() {
			return new Settings(100, 10, 2, 20, 5, 1_000_000, 3, 0.42);
		}

		public Settings withRequests(int count) {
			return new Settings(sites, buildingsPerSite, entrances, floors, roomsPerFloor, count, years, seed);
		}

		public int householdsPerSite() {
			return buildingsPerSite * entrances * floors * roomsPerFloor;
		}
	}

	/** A generated site, its request count and its staff (accounts). */
	public record GeneratedSite(long id, String code, int requests, List<Long> agents, List<Long> technicians,
			long supervisor, long siteManager) {
	}

	/** What was made and how long each phase took; every generated account signs in with {@link #password}. */
	public record Result(String tag, String password, List<GeneratedSite> sites, long households, long requests,
			long historyRows, Map<String, Duration> phases) {

		public Duration total() {
			return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
		}

		/** The site with the most requests. */
		public GeneratedSite biggest() {
			return sites.stream().max(Comparator.comparingInt(GeneratedSite::requests)).orElseThrow();
		}
	}

	static final int AGENTS = 6;

	static final int TECHNICIANS = 4;

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "曹", "许", "邓", "萧", "冯", "曾", "程",
			"蔡", "彭", "潘", "袁", "于", "董", "余", "苏", "叶", "吕", "魏", "蒋", "田", "杜", "丁", "沈", "姜", "范" };

	private static final String[] GIVEN_NAMES = { "建国", "秀英", "志强", "丽华", "伟", "敏", "静", "磊", "洋", "艳", "勇",
			"军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂兰", "玉梅", "海燕", "晓峰", "子轩", "欣怡", "浩宇",
			"梓涵", "一鸣", "雨桐", "宏伟", "淑珍", "国庆", "春梅", "德华", "文博" };

	private static final String[] ESTATES = { "锦绣华庭", "翠湖花园", "阳光新城", "金色家园", "碧水湾", "御景园", "紫荆苑",
			"滨江花园", "世纪花城", "香樟苑", "银杏里", "丽景湾", "海棠苑", "怡和家园", "春晓苑", "观澜府", "枫林小镇",
			"桃源居", "明珠花园", "和平里" };

	private static final String[] TOWERS = { "恒信国际大厦", "中环广场", "时代金融中心", "汇峰大厦", "新世纪商务楼",
			"天元大厦", "华贸中心", "东方科技园" };

	private static final String[] COMPANIES = { "恒达", "新锐", "同创", "华信", "盛世", "博远", "联合", "金桥", "东升", "瑞丰" };

	private static final String[] COMPANY_KINDS = { "科技有限公司", "贸易有限公司", "律师事务所", "咨询有限公司", "设计工作室",
			"餐饮店", "便利店", "培训中心" };

	private static final String[][] COMMON_AREAS = { { "地下车库", "车库" }, { "地面停车场", "车库" }, { "中心绿化带", "绿化带" },
			{ "东侧绿化带", "绿化带" }, { "南大门", "大门" }, { "北门岗亭", "大门" }, { "儿童游乐区", "游乐设施" },
			{ "会所", "会所" }, { "垃圾中转站", "环卫" }, { "1号水泵房", "设备房" }, { "配电房", "设备房" } };

	/** What residents say, by category ({@code TYPE|category|phrase|phrase…}); other categories use their type's phrases. */
	private static final String[] PHRASES = { "REPAIR|给水|厨房水龙头关不严，一直滴水|家里自来水水压很小|卫生间进水阀漏水",
			"REPAIR|排水|卫生间地漏堵塞，排水很慢|厨房下水道反味", "REPAIR|电路|家里一开空调就跳闸|客厅插座没电",
			"REPAIR|照明|楼道声控灯不亮|单元门口路灯坏了", "REPAIR|门窗|入户门锁芯卡住，钥匙拧不动|阳台推拉窗关不严，漏风",
			"REPAIR|管道|暖气管道接口渗水|燃气表附近有异味，请派人检查", "REPAIR|电梯|电梯运行时有异响|电梯按键失灵，到不了楼层",
			"REPAIR|公共设施|小区健身器材螺丝松动|单元门禁刷卡没反应", "REPAIR|渗漏水|卫生间顶棚漏水，楼上防水层可能坏了|下雨后卧室外墙渗水",
			"REPAIR|墙面地面|客厅墙面出现裂缝|楼道地砖松动翘起", "REPAIR|其他|信报箱门掉了|晾衣架坏了需要维修",
			"COMPLAINT|服务态度|前台客服态度冷淡，问题没人理|保安说话不客气", "COMPLAINT|维修质量|上周修过的水管又漏了|维修后墙面没有清理",
			"COMPLAINT|噪音|楼上装修噪音太大，中午也在施工|夜间广场舞音响太吵", "COMPLAINT|卫生|楼道垃圾两天没人清理|垃圾站异味严重",
			"COMPLAINT|停车|车位被外来车辆占用|消防通道长期有车乱停", "COMPLAINT|收费|物业费账单金额有误|停车费收费标准不清楚",
			"COMPLAINT|安全|单元门禁坏了，陌生人随便进出|夜间巡逻不到位", "COMPLAINT|装修|邻居装修占用公共走道堆放材料|装修垃圾乱堆",
			"COMPLAINT|其他|小区宠物粪便没人管|快递柜经常满", "INQUIRY|收费|物业费怎么交，可以用微信吗|今年停车费标准是多少",
			"INQUIRY|办事指南|办理出入证需要带什么材料|房屋出租要办哪些手续", "INQUIRY|装修|装修申报需要哪些资料|周末可以装修吗",
			"INQUIRY|停车|月租车位还有没有|访客车辆怎么登记", "INQUIRY|其他|小区什么时候停水|快递可以放服务中心吗",
			"SUGGESTION|服务|建议延长服务中心周末办公时间|建议开通线上报修", "SUGGESTION|设施|建议在单元门口增加雨棚|建议增设电动车充电桩",
			"SUGGESTION|环境|建议多种一些树|建议增加垃圾分类指引", "SUGGESTION|其他|建议组织业主活动|建议公布公共收益明细",
			"PRAISE|服务|表扬客服专员热情耐心|感谢服务中心及时帮忙", "PRAISE|维修|维修师傅上门及时，修得很好|感谢工程部连夜抢修水管",
			"PRAISE|保安|保安帮忙搬运重物，特此表扬|保安拾金不昧", "PRAISE|保洁|保洁阿姨楼道打扫得很干净|感谢保洁及时清理积水",
			"PRAISE|其他|感谢物业组织的中秋活动|小区绿化越来越好", "PAID_SERVICE|家政保洁|需要上门开荒保洁|预约家庭深度保洁",
			"PAID_SERVICE|家电维修|洗衣机不脱水，需要维修|空调不制冷，需要加氟", "PAID_SERVICE|管道疏通|马桶堵了，需要疏通|厨房下水管堵塞需要疏通",
			"PAID_SERVICE|搬运|需要帮忙搬运家具|旧家具需要清运", "PAID_SERVICE|其他|需要安装晾衣架|需要更换门锁",
			"HELP|紧急求助|老人在家摔倒，需要帮助|被困电梯，请求救援", "HELP|代办|出差期间请帮忙代收快递|请帮忙代缴水电费",
			"HELP|其他|钥匙锁在屋里了|家中宠物走失，请帮忙寻找" };

	private final DataSource dataSource;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	public RequestDataGenerator(DataSource dataSource, PasswordEncoder passwordEncoder, Clock clock) {
		this.dataSource = dataSource;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	public Result generate(Settings settings) {
		String password = "Bench-" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
		String hash = passwordEncoder.encode(password);
		Map<String, Duration> phases = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			String tag = freeTag(jdbc);
			connection.setAutoCommit(false);
			try {
				jdbc.sql("set local session_replication_role = replica").update();
				jdbc.sql("set local work_mem = '512MB'").update();
				jdbc.sql("select setseed(:seed)::text").param("seed", settings.seed()).query(String.class).single();
				long start = System.nanoTime();
				sites(jdbc, tag, settings);
				places(jdbc, settings);
				households(jdbc, settings);
				staff(jdbc, tag, hash);
				start = phase(phases, "directory: sites, buildings, rooms, households, people, areas, staff", start);
				categories(jdbc);
				jdbc.sql(REQUESTS.replace("{type}", Mix.sql("u_type")))
					.param("answeredInquiry", Mix.ANSWERED_INQUIRY)
					.param("answeredPraise", Mix.ANSWERED_PRAISE)
					.param("urgentRepair", Mix.URGENT_REPAIR)
					.param("urgentHelp", Mix.URGENT_HELP)
					.param("majorComplaint", Mix.MAJOR_COMPLAINT)
					.param("repairInRoom", Mix.REPAIR_IN_ROOM)
					.param("complaintRoom", Mix.COMPLAINT_ROOM)
					.param("complaintArea", Mix.COMPLAINT_AREA)
					.param("otherRoom", Mix.OTHER_ROOM)
					.param("otherArea", Mix.OTHER_AREA)
					.param("households", settings.householdsPerSite())
					.param("agents", AGENTS)
					.param("technicians", TECHNICIANS)
					.param("days", settings.years() * 365)
					.param("today", LocalDate.now(clock))
					.param("nowLocal", LocalDateTime.now(clock))
					.param("zone", clock.getZone().getId())
					.param("surnames", SURNAMES)
					.update();
				start = phase(phases, "service requests", start);
				jdbc.sql(HISTORY).update();
				start = phase(phases, "request history", start);
				jdbc.sql(CONCERNED).update();
				jdbc.sql(STANDARDS).update();
				jdbc.sql(CLOCKS).param("now", OffsetDateTime.now(clock)).update();
				jdbc.sql(CALLBACKS).param("now", OffsetDateTime.now(clock)).update();
				start = phase(phases, "clocks and callbacks", start);
				jdbc.sql("""
						insert into request.request_number (site_id, day, last)
						select site_id, (registered_at at time zone :zone)::date, count(*)
						from request.service_request where site_id in (select id from gen_site) group by 1, 2""")
					.param("zone", clock.getZone().getId())
					.update();
				jdbc.sql("""
						insert into request.queue_count (site_id, owner_id, status, major, count)
						select site_id, coalesce(owner_id, 0), status, major, count(*)
						from request.service_request where site_id in (select id from gen_site)
						group by grouping sets ((site_id, owner_id, status, major), (site_id, status, major))
						on conflict (site_id, owner_id, status, major) do update set count = queue_count.count + excluded.count""")
					.update();
				List<GeneratedSite> sites = generatedSites(jdbc);
				long requests = jdbc.sql("select count(*) from request.service_request where site_id in (select id from gen_site)")
					.query(Long.class)
					.single();
				long history = jdbc.sql("""
						select count(*) from request.request_history h join request.service_request r on r.id = h.request_id
						where r.site_id in (select id from gen_site)""").query(Long.class).single();
				connection.commit();
				start = phase(phases, "numbers, counters, commit", start);
				connection.setAutoCommit(true);
				for (String table : List.of("directory.site", "directory.building", "directory.room", "directory.household",
						"directory.household_room", "directory.person", "directory.public_area", "directory.staff_member",
						"security.account", "request.service_request", "request.request_history",
						"request.request_number", "request.queue_count", "standard.request_standard",
						"standard.request_clock", "callback.callback")) {
					jdbc.sql("vacuum (analyze) " + table).update();
				}
				phase(phases, "vacuum (analyze)", start);
				return new Result(tag, password, sites, (long) settings.sites() * settings.householdsPerSite(), requests,
						history, phases);
			}
			catch (RuntimeException | SQLException ex) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What people report and how, shared by the generated years and by the benchmark's
	 * live intake so that both draw from one mix: each method takes a uniform draw
	 * {@code u} in [0, 1), and {@link #sql} writes the same rule as SQL over a column of
	 * such draws.
	 */
	static final class Mix {

		/** Each type with its cumulative share, in the order drawn. */
		private static final List<Map.Entry<RequestType, Double>> TYPES = List.of(Map.entry(RequestType.REPAIR, 0.45),
				Map.entry(RequestType.INQUIRY, 0.70), Map.entry(RequestType.COMPLAINT, 0.82),
				Map.entry(RequestType.SUGGESTION, 0.87), Map.entry(RequestType.PRAISE, 0.92),
				Map.entry(RequestType.PAID_SERVICE, 0.97), Map.entry(RequestType.HELP, 1.0));

		/** Inquiries and praise answered and closed on the phone. */
		static final double ANSWERED_INQUIRY = 0.75;

		static final double ANSWERED_PRAISE = 0.85;

		static final double URGENT_REPAIR = 0.06;

		static final double URGENT_HELP = 0.2;

		static final double MAJOR_COMPLAINT = 0.01;

		/** A repair in a room (else a public area); a complaint about a room, or a public area. */
		static final double REPAIR_IN_ROOM = 0.70;

		static final double COMPLAINT_ROOM = 0.3;

		static final double COMPLAINT_AREA = 0.7;

		/** Any other type: about a room, a public area, or neither. */
		static final double OTHER_ROOM = 0.35;

		static final double OTHER_AREA = 0.45;

		private Mix() {
		}

		static RequestType type(double u) {
			return TYPES.stream().filter(t -> u < t.getValue()).findFirst().orElseThrow().getKey();
		}

		static boolean answered(RequestType type, double u) {
			return (type == RequestType.INQUIRY && u < ANSWERED_INQUIRY) || (type == RequestType.PRAISE && u < ANSWERED_PRAISE);
		}

		static Priority priority(RequestType type, double u) {
			return (type == RequestType.REPAIR && u < URGENT_REPAIR) || (type == RequestType.HELP && u < URGENT_HELP)
					? Priority.URGENT : Priority.NORMAL;
		}

		static boolean major(RequestType type, double u) {
			return type == RequestType.COMPLAINT && u < MAJOR_COMPLAINT;
		}

		/** ROOM, AREA or NONE for a request a household reports (not a patrol's). */
		static String place(RequestType type, double u) {
			return switch (type) {
				case REPAIR -> u < REPAIR_IN_ROOM ? "ROOM" : "AREA";
				case PAID_SERVICE -> "ROOM";
				case COMPLAINT -> u < COMPLAINT_ROOM ? "ROOM" : u < COMPLAINT_AREA ? "AREA" : "NONE";
				default -> u < OTHER_ROOM ? "ROOM" : u < OTHER_AREA ? "AREA" : "NONE";
			};
		}

		/** The type's SQL: {@code case when u < 0.45 then 'REPAIR' … end}. */
		static String sql(String u) {
			StringBuilder sql = new StringBuilder("case");
			TYPES.forEach(t -> sql.append(" when ").append(u).append(" < ").append(t.getValue())
				.append(" then '").append(t.getKey()).append('\''));
			return sql.append(" end").toString();
		}
	}

	/** What residents say when they raise a request of this type. */
	static List<String> phrases(RequestType type) {
		List<String> phrases = new ArrayList<>();
		for (String line : PHRASES) {
			String[] parts = line.split("\\|");
			if (parts[0].equals(type.name())) {
				phrases.addAll(List.of(parts).subList(2, parts.length));
			}
		}
		return phrases;
	}

	private static long phase(Map<String, Duration> phases, String name, long start) {
		long now = System.nanoTime();
		phases.put(name, Duration.ofNanos(now - start));
		return now;
	}

	/** A site-code prefix no site has yet: G plus two letters. */
	private static String freeTag(JdbcClient jdbc) {
		SecureRandom random = new SecureRandom();
		for (int attempt = 0; attempt < 100; attempt++) {
			String tag = "G" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
			if (jdbc.sql("select count(*) from directory.site where code like :tag || '%'")
				.param("tag", tag)
				.query(Long.class)
				.single() == 0) {
				return tag;
			}
		}
		throw new IllegalStateException("no free site-code prefix");
	}

	/**
	 * The sites, with request volumes that differ as real estates do: the busiest has
	 * about six times the requests of the quietest (weights 0.5 … 3.0).
	 */
	private static void sites(JdbcClient jdbc, String tag, Settings settings) {
		int n = settings.sites();
		double[] weights = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			double x = n == 1 ? 1 : (double) (n - 1 - i) / (n - 1);
			weights[i] = 0.5 + 2.5 * x * x;
			sum += weights[i];
		}
		int[] counts = new int[n];
		int given = 0;
		for (int i = 0; i < n; i++) {
			counts[i] = (int) Math.floor(settings.requests() * weights[i] / sum);
			given += counts[i];
		}
		for (int i = 0; given < settings.requests(); i = (i + 1) % n, given++) {
			counts[i]++;
		}
		String[] codes = new String[n];
		String[] names = new String[n];
		String[] kinds = new String[n];
		Integer[] numbers = new Integer[n];
		Integer[] requests = new Integer[n];
		for (int i = 0; i < n; i++) {
			boolean office = i % 7 == 6;
			String[] pool = office ? TOWERS : ESTATES;
			int index = office ? i / 7 : i - i / 7;
			codes[i] = tag + String.format("%03d", i + 1);
			names[i] = pool[index % pool.length] + (index >= pool.length ? (index / pool.length + 1) + "期" : "");
			kinds[i] = office ? "OFFICE" : "RESIDENTIAL";
			numbers[i] = i + 1;
			requests[i] = counts[i];
		}
		jdbc.sql("""
				insert into directory.site (code, name, kind, address)
				select code, name, kind, '示范路' || n || '号'
				from unnest(cast(:codes as text[]), cast(:names as text[]), cast(:kinds as text[]), cast(:numbers as int[]))
				     as s(code, name, kind, n)""")
			.param("codes", codes)
			.param("names", names)
			.param("kinds", kinds)
			.param("numbers", numbers)
			.update();
		jdbc.sql("""
				create temp table gen_site on commit drop as
				select s.id, s.code, s.kind, g.n, g.requests, cast(null as bigint[]) as agents,
				       cast(null as bigint[]) as technicians, cast(null as bigint) as supervisor,
				       cast(null as bigint) as manager, cast(null as bigint[]) as area_ids, cast(null as text[]) as area_names
				from directory.site s
				join unnest(cast(:codes as text[]), cast(:numbers as int[]), cast(:requests as int[])) as g(code, n, requests)
				  on g.code = s.code""")
			.param("codes", codes)
			.param("numbers", numbers)
			.param("requests", requests)
			.update();
	}

	/** Buildings of two entrances, rooms coded {@code 3#1-12-4} (office towers: {@code C#1-12-4}); public areas and lifts. */
	private static void places(JdbcClient jdbc, Settings settings) {
		jdbc.sql("""
				insert into directory.building (site_id, code, name)
				select s.id, c.code, c.code || case when s.kind = 'OFFICE' then '座' else '幢' end
				from gen_site s, generate_series(1, :buildings) b,
				     lateral (select case when s.kind = 'OFFICE' then chr(64 + b) else b::text end as code) c
				order by s.id, b""")
			.param("buildings", settings.buildingsPerSite())
			.update();
		jdbc.sql("""
				insert into directory.room (site_id, building_id, code, entrance, floor, number, area)
				select b.site_id, b.id, b.code || '#' || e || '-' || f || '-' || r, e, f, r,
				       60 + (b.id * 31 + f * 7 + r * 13) % 90
				from directory.building b join gen_site s on s.id = b.site_id,
				     generate_series(1, :entrances) e, generate_series(1, :floors) f, generate_series(1, :rooms) r
				order by b.site_id, b.id, e, f, r""")
			.param("entrances", settings.entrances())
			.param("floors", settings.floors())
			.param("rooms", settings.roomsPerFloor())
			.update();
		String[] names = new String[COMMON_AREAS.length];
		String[] kinds = new String[COMMON_AREAS.length];
		for (int i = 0; i < COMMON_AREAS.length; i++) {
			names[i] = COMMON_AREAS[i][0];
			kinds[i] = COMMON_AREAS[i][1];
		}
		jdbc.sql("""
				insert into directory.public_area (site_id, name, kind)
				select b.site_id, b.name || e || case when s.kind = 'OFFICE' then '号电梯' else '单元电梯' end, '电梯'
				from directory.building b join gen_site s on s.id = b.site_id, generate_series(1, :entrances) e
				union all
				select s.id, a.name, a.kind from gen_site s, unnest(cast(:names as text[]), cast(:kinds as text[])) as a(name, kind)""")
			.param("entrances", settings.entrances())
			.param("names", names)
			.param("kinds", kinds)
			.update();
		jdbc.sql("""
				update gen_site s set area_ids = a.ids, area_names = a.names
				from (select site_id, array_agg(id order by id) ids, array_agg(name order by id) names
				      from directory.public_area where site_id in (select id from gen_site) group by site_id) a
				where a.site_id = s.id""").update();
	}

	/**
	 * A household in every room (88% living there, 8% empty, 4% renovating): an owner
	 * with a mobile number, and in four households of ten a family member too. Office
	 * towers hold companies and shops.
	 */
	private static void households(JdbcClient jdbc, Settings settings) {
		jdbc.sql("""
				create temp table gen_household on commit drop as
				select r.site_id, s.n as site_n, s.kind, row_number() over (partition by r.site_id order by r.id) as k,
				       r.id as room_id, r.code as room_code, cast(null as bigint) as household_id,
				       (:surnames)[1 + floor(random() * cardinality(:surnames))::int]
				         || (:given)[1 + floor(random() * cardinality(:given))::int] as owner_name,
				       '13' || lpad(((row_number() over (order by r.id) * 7919 + 104729) % 1000000000)::text, 9, '0') as owner_phone,
				       random() as u
				from directory.room r join gen_site s on s.id = r.site_id""")
			.param("surnames", SURNAMES)
			.param("given", GIVEN_NAMES)
			.update();
		jdbc.sql("""
				insert into directory.household (site_id, name, state, move_in_date, note)
				select site_id,
				       case when kind = 'OFFICE'
				            then (:companies)[1 + (k % cardinality(:companies))::int] || (:kinds)[1 + ((k / 7) % cardinality(:kinds))::int]
				            else owner_name end,
				       case when u < 0.88 then 'OCCUPIED' when u < 0.96 then 'VACANT' else 'RENOVATING' end,
				       case when u < 0.88 then date '2015-06-01' + floor(u * 4000)::int end,
				       case when u >= 0.88 and u < 0.96 then '已收楼，暂未入住' when u >= 0.96 then '装修中' else '' end
				from gen_household order by site_id, k""")
			.param("companies", COMPANIES)
			.param("kinds", COMPANY_KINDS)
			.update();
		jdbc.sql("""
				update gen_household g set household_id = h.id
				from (select id, site_id, row_number() over (partition by site_id order by id) as k
				      from directory.household where site_id in (select id from gen_site)) h
				where h.site_id = g.site_id and h.k = g.k""").update();
		jdbc.sql("create index on gen_household (site_id, k)").update();
		jdbc.sql("analyze gen_household").update();
		jdbc.sql("insert into directory.household_room (household_id, room_id) select household_id, room_id from gen_household order by household_id")
			.update();
		jdbc.sql("""
				insert into directory.person (household_id, site_id, name, role, phone)
				select household_id, site_id, owner_name, 'OWNER', owner_phone from gen_household
				union all
				select household_id, site_id, left(owner_name, 1) || (:given)[1 + (k % cardinality(:given))::int], 'FAMILY',
				       '15' || right(owner_phone, 9)
				from gen_household where u < 0.4
				order by 1""")
			.param("given", GIVEN_NAMES)
			.update();
	}

	/**
	 * Departments (customer service, engineering) and at every site six agents, four
	 * technicians, a supervisor and a site manager, all signing in with one password.
	 */
	private static void staff(JdbcClient jdbc, String tag, String hash) {
		jdbc.sql("""
				insert into directory.department (code, name, kind)
				values (:tag || 'KF', '客服部', 'CUSTOMER_SERVICE'), (:tag || 'GC', '工程部', 'ENGINEERING')""")
			.param("tag", tag)
			.update();
		jdbc.sql("""
				create temp table gen_staff on commit drop as
				select s.id as site_id, lower(s.code) || r.letter || i as username, r.letter, i, r.role,
				       (:surnames)[1 + floor(random() * cardinality(:surnames))::int]
				         || (:given)[1 + floor(random() * cardinality(:given))::int] as name,
				       cast(null as bigint) as account_id
				from gen_site s,
				     (values ('a', 'AGENT', :agents), ('t', 'TECHNICIAN', :technicians), ('s', 'SUPERVISOR', 1),
				             ('m', 'SITE_MANAGER', 1)) as r(letter, role, n),
				     generate_series(1, r.n) i""")
			.param("surnames", SURNAMES)
			.param("given", GIVEN_NAMES)
			.param("agents", AGENTS)
			.param("technicians", TECHNICIANS)
			.update();
		jdbc.sql("""
				insert into security.account (username, display_name, password_hash, roles, site_ids)
				select username, name, :hash, array[role], array[site_id] from gen_staff order by site_id, letter, i""")
			.param("hash", hash)
			.update();
		jdbc.sql("update gen_staff g set account_id = a.id from security.account a where a.username = g.username").update();
		jdbc.sql("""
				insert into directory.staff_member (account_id, staff_number, name, department_id, phone)
				select g.account_id, g.username, g.name, d.id, '139' || lpad(g.account_id::text, 8, '0')
				from gen_staff g join directory.department d
				  on d.code = :tag || case when g.letter = 't' then 'GC' else 'KF' end""")
			.param("tag", tag)
			.update();
		jdbc.sql("""
				update gen_site s set agents = g.agents, technicians = g.technicians, supervisor = g.supervisor,
				       manager = g.manager
				from (select site_id, array_agg(account_id order by i) filter (where letter = 'a') as agents,
				             array_agg(account_id order by i) filter (where letter = 't') as technicians,
				             min(account_id) filter (where letter = 's') as supervisor,
				             min(account_id) filter (where letter = 'm') as manager
				      from gen_staff group by site_id) g
				where g.site_id = s.id""").update();
		jdbc.sql("""
				create temp table gen_department on commit drop as
				select min(id) filter (where code = :tag || 'KF') as service, min(id) filter (where code = :tag || 'GC') as engineering
				from directory.department""")
			.param("tag", tag)
			.update();
	}

	/**
	 * The active leaf categories of each type, the first ones more common than the last
	 * and "其他" rare, with what residents say about each.
	 */
	private static void categories(JdbcClient jdbc) {
		record Leaf(long id, String type, String name) {
		}
		List<Leaf> leaves = jdbc.sql("""
				select c.id, c.type, c.name from request.category c
				where c.active and not exists (select 1 from request.category child where child.parent_id = c.id and child.active)
				order by c.type, coalesce((select p.position from request.category p where p.id = c.parent_id), c.position),
				         c.position, c.id""")
			.query((rs, n) -> new Leaf(rs.getLong("id"), rs.getString("type"), rs.getString("name")))
			.list();
		Map<String, List<String>> byCategory = new LinkedHashMap<>();
		Map<String, List<String>> byType = new LinkedHashMap<>();
		for (String line : PHRASES) {
			String[] parts = line.split("\\|");
			List<String> phrases = List.of(parts).subList(2, parts.length);
			byCategory.put(parts[0] + "|" + parts[1], phrases);
			byType.computeIfAbsent(parts[0], t -> new ArrayList<>()).addAll(phrases);
		}
		jdbc.sql("""
				create temp table gen_category (type text, k int, category_id bigint, phrases text[],
				                                primary key (type, k)) on commit drop""").update();
		jdbc.sql("create temp table gen_category_pick (type text primary key, thresholds float8[]) on commit drop").update();
		Map<String, List<Leaf>> perType = new LinkedHashMap<>();
		leaves.forEach(leaf -> perType.computeIfAbsent(leaf.type(), t -> new ArrayList<>()).add(leaf));
		for (RequestType type : RequestType.values()) {
			List<Leaf> ofType = perType.get(type.name());
			if (ofType == null || ofType.isEmpty()) {
				throw new IllegalStateException("no active category of type " + type);
			}
			double[] weights = new double[ofType.size()];
			double sum = 0;
			for (int i = 0; i < weights.length; i++) {
				weights[i] = ofType.get(i).name().equals("其他") ? 0.3 : 1 / Math.sqrt(i + 1);
				sum += weights[i];
			}
			Double[] thresholds = new Double[weights.length];
			double cumulative = 0;
			for (int i = 0; i < weights.length; i++) {
				thresholds[i] = cumulative / sum;
				cumulative += weights[i];
				Leaf leaf = ofType.get(i);
				List<String> phrases = byCategory.getOrDefault(type.name() + "|" + leaf.name(), byType.get(type.name()));
				jdbc.sql("insert into gen_category values (:type, :k, :id, :phrases)")
					.param("type", type.name())
					.param("k", i + 1)
					.param("id", leaf.id())
					.param("phrases", phrases.toArray(String[]::new))
					.update();
			}
			jdbc.sql("insert into gen_category_pick values (:type, :thresholds)")
				.param("type", type.name())
				.param("thresholds", thresholds)
				.update();
		}
	}

	private static List<GeneratedSite> generatedSites(JdbcClient jdbc) {
		return jdbc.sql("select id, code, requests, agents, technicians, supervisor, manager from gen_site order by n")
			.query((rs, n) -> new GeneratedSite(rs.getLong("id"), rs.getString("code"), rs.getInt("requests"),
					List.of((Long[]) rs.getArray("agents").getArray()),
					List.of((Long[]) rs.getArray("technicians").getArray()), rs.getLong("supervisor"),
					rs.getLong("manager")))
			.list();
	}

	/**
	 * The requests, oldest first (ids grow with time as they do in production). The mix:
	 * repairs 45%, inquiries 25%, complaints 12%, suggestions, praise and paid services
	 * 5% each, help 3%; by phone about 55%, visits 20%, online 12%, patrols find 15% of
	 * repairs; 6% of repairs and 20% of calls for help urgent, 1% of complaints major;
	 * three inquiries in four and most praise answered and closed on the phone. Older
	 * requests are 97% closed; the last month's spread over the open states by age.
	 * Numbers are {@code <site code>-yyMMdd-nnnn} in China Standard Time, gap-free per
	 * site and day.
	 */
	private static final String REQUESTS = """
			insert into request.service_request (site_id, number, type, category_id, channel, priority, major, status,
			    household_id, contact_name, contact_phone, anonymous, room_id, public_area_id, place, description,
			    resolution, owner_id, registered_at, closed_at, department_id, assignee_id, appointment, dispatched_at,
			    accepted_at, arrived_at, completed_at, resolved_at, paused_reason, findings, work_result, confirmed_by,
			    complaint_valid, responsible_department, cause, corrective_action, suggestion_adopted, reply,
			    quote_accepted_by, quote_accepted_at, fee_collected, version)
			with drawn as (
			    select s.id as site_id, s.code as site_code,
			           random() as u_type, random() as u_channel, random() as u_category, random() as u_place,
			           random() as u_requester, random() as u_status, random() as u_priority, random() as u_flow,
			           random() as u_text, random() as u_time, random() as u_a, random() as u_b,
			           1 + floor(random() * :households)::int as hk, 1 + floor(random() * :households)::int as rk,
			           random() as u_area,
			           1 + floor(random() * :agents)::int as agent_k, 1 + floor(random() * :technicians)::int as tech_k,
			           cast(:today as date) - floor(random() * :days)::int as local_day
			    from gen_site s cross join lateral generate_series(1, s.requests)
			), typed as (
			    select d.*,
			           {type} as type,
			           local_day + case when u_time < 0.85 then interval '8 hours' + (u_time / 0.85) * interval '11 hours'
			                            else ((u_time - 0.85) / 0.15) * interval '24 hours' end as at_local
			    from drawn d
			), timed as (
			    select t.*,
			           case when t.at_local < cast(:nowLocal as timestamp) then t.at_local
			                else t.local_day + t.u_a * (cast(:nowLocal as timestamp) - t.local_day) end as ts_local
			    from typed t
			), shaped as (
			    select t.*,
			           extract(epoch from cast(:nowLocal as timestamp) - t.ts_local) / 86400 as age,
			           case when t.type = 'REPAIR' then
			                     case when u_channel < 0.50 then 'PHONE' when u_channel < 0.67 then 'VISIT'
			                          when u_channel < 0.79 then 'ONLINE' when u_channel < 0.94 then 'PATROL'
			                          when u_channel < 0.96 then 'EMAIL' when u_channel < 0.97 then 'LETTER'
			                          when u_channel < 0.99 then 'HQ_FORWARDED' else 'LEADER_INSTRUCTED' end
			                else case when u_channel < 0.58 then 'PHONE' when u_channel < 0.80 then 'VISIT'
			                          when u_channel < 0.92 then 'ONLINE' when u_channel < 0.95 then 'EMAIL'
			                          when u_channel < 0.97 then 'LETTER' when u_channel < 0.99 then 'HQ_FORWARDED'
			                          else 'LEADER_INSTRUCTED' end end as channel,
			           (t.type = 'INQUIRY' and u_flow < :answeredInquiry) or (t.type = 'PRAISE' and u_flow < :answeredPraise) as answered,
			           t.type in ('REPAIR', 'PAID_SERVICE') or (t.type in ('COMPLAINT', 'HELP') and u_flow < 0.5) as field,
			           case when (t.type = 'REPAIR' and u_priority < :urgentRepair) or (t.type = 'HELP' and u_priority < :urgentHelp)
			                then 'URGENT' else 'NORMAL' end as priority,
			           t.type = 'COMPLAINT' and u_priority < :majorComplaint as major
			    from timed t
			), staged as (
			    select s.*,
			           case when answered then 'CLOSED'
			                when age >= 30 then case when u_status < 0.97 then 'CLOSED' when u_status < 0.995 then 'RESOLVED'
			                                         when u_status < 0.9975 then 'PAUSED' else 'IN_PROGRESS' end
			                when age >= 7 then case when u_status < 0.70 then 'CLOSED' when u_status < 0.88 then 'RESOLVED'
			                                        when u_status < 0.91 then 'COMPLETED' when u_status < 0.94 then 'IN_PROGRESS'
			                                        when u_status < 0.96 then 'PAUSED' when u_status < 0.98 then 'ACCEPTED'
			                                        when u_status < 0.99 then 'DISPATCHED' else 'REGISTERED' end
			                when age >= 1 then case when u_status < 0.30 then 'CLOSED' when u_status < 0.55 then 'RESOLVED'
			                                        when u_status < 0.65 then 'COMPLETED' when u_status < 0.78 then 'IN_PROGRESS'
			                                        when u_status < 0.83 then 'PAUSED' when u_status < 0.90 then 'ACCEPTED'
			                                        when u_status < 0.96 then 'DISPATCHED' else 'REGISTERED' end
			                else case when u_status < 0.05 then 'CLOSED' when u_status < 0.12 then 'RESOLVED'
			                          when u_status < 0.18 then 'COMPLETED' when u_status < 0.30 then 'IN_PROGRESS'
			                          when u_status < 0.33 then 'PAUSED' when u_status < 0.45 then 'ACCEPTED'
			                          when u_status < 0.70 then 'DISPATCHED' else 'REGISTERED' end end as drawn_status,
			           case when channel = 'PATROL' then 'P'
			                when u_requester < case when type = 'COMPLAINT' then 0.80 else 0.90 end then 'H'
			                when u_requester < case when type = 'COMPLAINT' then 0.88 else 0.97 end then 'C'
			                else 'A' end as requester,
			           case when channel = 'PATROL' then 'AREA'
			                when type = 'REPAIR' then case when u_place < :repairInRoom then 'ROOM' else 'AREA' end
			                when type = 'PAID_SERVICE' then 'ROOM'
			                when type = 'COMPLAINT' then case when u_place < :complaintRoom then 'ROOM' when u_place < :complaintArea then 'AREA' else 'NONE' end
			                else case when u_place < :otherRoom then 'ROOM' when u_place < :otherArea then 'AREA' else 'NONE' end end as place_kind
			    from shaped s
			), stated as (
			    select s.*, st.status,
			           case st.status when 'REGISTERED' then 0 when 'DISPATCHED' then 1 when 'ACCEPTED' then 2
			                          when 'IN_PROGRESS' then 3 when 'PAUSED' then 3 when 'COMPLETED' then 4
			                          when 'RESOLVED' then 5 else 6 end as step
			    from staged s,
			         lateral (select case when not s.field and s.drawn_status in ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'PAUSED', 'COMPLETED')
			                              then 'REGISTERED' else s.drawn_status end as status) st
			), placed as (
			    select s.*, c.category_id, c.phrases[1 + floor(s.u_text * cardinality(c.phrases))::int] as description,
			           s.ts_local at time zone :zone as registered_at,
			           case when s.requester = 'H' then h.household_id end as household_id,
			           case s.requester when 'H' then h.owner_name when 'P' then '巡查发现'
			                when 'C' then (:surnames)[1 + floor(s.u_b * cardinality(:surnames))::int]
			                              || case when floor(s.u_b * 1000)::int % 2 = 0 then '先生' else '女士' end end as contact_name,
			           case s.requester when 'H' then h.owner_phone
			                when 'C' then '139' || lpad(floor(s.u_a * 100000000)::text, 8, '0') end as contact_phone,
			           case s.place_kind when 'ROOM' then case when s.requester = 'H' then h.room_id else r.room_id end end as room_id,
			           case s.place_kind when 'ROOM' then case when s.requester = 'H' then h.room_code else r.room_code end
			                             when 'AREA' then gs.area_names[1 + floor(s.u_area * cardinality(gs.area_ids))::int]
			                             else '' end as place,
			           case when s.place_kind = 'AREA' then gs.area_ids[1 + floor(s.u_area * cardinality(gs.area_ids))::int] end
			             as public_area_id,
			           gs.agents[s.agent_k] as owner_id,
			           case when not s.field then null
			                when s.major then gs.manager when s.type = 'COMPLAINT' then gs.supervisor
			                else gs.technicians[s.tech_k] end as assignee_id,
			           case when s.type = 'COMPLAINT' then dep.service else dep.engineering end as department_id,
			           dep.service as service_department
			    from stated s
			    join gen_site gs on gs.id = s.site_id
			    cross join gen_department dep
			    join gen_category_pick p on p.type = s.type
			    join gen_category c on c.type = s.type and c.k = width_bucket(s.u_category, p.thresholds)
			    join gen_household h on h.site_id = s.site_id and h.k = s.hk
			    join gen_household r on r.site_id = s.site_id and r.k = s.rk
			), worked as (
			    select p.*,
			           case when p.field and p.step >= 1 then least(p.registered_at + (5 + 40 * p.u_a) * interval '1 minute', cast(:nowLocal as timestamp) at time zone :zone) end as dispatched_at
			    from placed p
			), flowed as (
			    select w.*,
			           case when w.step >= 2 then least(w.dispatched_at + (5 + 30 * w.u_b) * interval '1 minute', cast(:nowLocal as timestamp) at time zone :zone) end as accepted_at
			    from worked w
			), arrived as (
			    select f.*,
			           case when f.step >= 3 then least(f.accepted_at + (20 + 100 * f.u_a) * interval '1 minute', cast(:nowLocal as timestamp) at time zone :zone) end as arrived_at
			    from flowed f
			), completed as (
			    select a.*,
			           case when a.field and a.step >= 4 then least(a.arrived_at + (30 + 150 * a.u_b) * interval '1 minute', cast(:nowLocal as timestamp) at time zone :zone) end as completed_at
			    from arrived a
			), resolved as (
			    select c.*,
			           case when c.step >= 5 and not c.answered
			                then least(coalesce(c.completed_at + (1 + 20 * c.u_a) * interval '1 hour',
			                                    c.registered_at + (2 + 46 * c.u_a) * interval '1 hour'),
			                           cast(:nowLocal as timestamp) at time zone :zone) end as resolved_at
			    from completed c
			), finished as (
			    select r.*,
			           case when r.answered then least(r.registered_at + (1 + 4 * r.u_b) * interval '1 minute', cast(:nowLocal as timestamp) at time zone :zone)
			                when r.step = 6 then least(r.resolved_at + (1 + 3 * r.u_b) * interval '1 day', cast(:nowLocal as timestamp) at time zone :zone) end as closed_at
			    from resolved r
			), numbered as (
			    select f.*, row_number() over (partition by f.site_id, cast(f.ts_local as date) order by f.ts_local) as seq
			    from finished f
			)
			select site_id,
			       site_code || '-' || to_char(ts_local, 'YYMMDD') || '-' || lpad(seq::text, greatest(4, length(seq::text)), '0'),
			       type, category_id, channel, priority, major, status, household_id, contact_name, contact_phone,
			       requester = 'A', room_id, public_area_id, place, description,
			       case when answered then '已当场答复客户'
			            when step >= 5 then case type when 'REPAIR' then '已修复，经客户确认'
			                                          when 'COMPLAINT' then '已向客户说明情况并致歉，问题已整改'
			                                          when 'SUGGESTION' then '已答复客户，感谢建议'
			                                          when 'PAID_SERVICE' then '服务完成，费用已收取'
			                                          else '已处理完毕，客户满意' end end,
			       owner_id, registered_at, closed_at,
			       case when field and step >= 1 then department_id end,
			       case when step >= 1 then assignee_id end,
			       case when field and step >= 1 then dispatched_at + case when priority = 'URGENT' then interval '30 minutes' else interval '2 hours' end end,
			       dispatched_at, accepted_at, arrived_at, completed_at, resolved_at,
			       case when status = 'PAUSED' then case when u_b < 0.5 then 'WAITING_PARTS' else 'WAITING_CUSTOMER' end end,
			       case when field and step >= 3 then '现场查看，情况属实' end,
			       case when field and step >= 4 then case when type = 'PAID_SERVICE' then '服务已完成' else '已处理' end end,
			       case when field and step >= 4 and requester = 'H' then contact_name end,
			       case when type = 'COMPLAINT' and step >= 5 then u_priority < 0.66 end,
			       case when type = 'COMPLAINT' and step >= 5 and u_priority < 0.66 then service_department end,
			       case when type = 'COMPLAINT' and step >= 5 and u_priority < 0.66 then '员工未按标准执行' end,
			       case when type = 'COMPLAINT' and step >= 5 and u_priority < 0.66 then '部门内部培训，加强检查' end,
			       case when type = 'SUGGESTION' and step >= 5 then u_priority < 0.4 end,
			       case when type = 'SUGGESTION' and step >= 5 then '感谢您的建议，我们已认真研究并答复' end,
			       case when type = 'PAID_SERVICE' and step >= 3 then contact_name end,
			       case when type = 'PAID_SERVICE' and step >= 3 then arrived_at end,
			       case when type = 'PAID_SERVICE' and step >= 4 then cast(50 + floor(u_priority * 25) * 10 as numeric(12, 2)) end,
			       case when answered then 2 else 1 + least(step, 4) * (case when field then 1 else 0 end)
			            + case when step >= 5 then 1 else 0 end + case when step = 6 then 1 else 0 end end
			from numbered
			order by registered_at
			""";

	/**
	 * What happened to each request, as the service writes it: 受理; answered at once or
	 * 派工 → 接单 → 到场 → 完工; 办结; 归档. Its actors are the owner and the assignee.
	 */
	/** Two in five praises and complaints name the staff member they are about: an agent or a technician of the site. */
	private static final String CONCERNED = """
			update request.service_request r
			set concerned_staff_id = case when x.v < 0.5 then s.agents[1 + floor(x.v * 2 * cardinality(s.agents))::int]
			                              else s.technicians[1 + floor((x.v - 0.5) * 2 * cardinality(s.technicians))::int] end
			from gen_site s, lateral (select random() as u, random() as v where s.id is not null) x
			where s.id = r.site_id and r.type in ('PRAISE', 'COMPLAINT') and x.u < 0.4""";

	/** Each request's standard: the company's first by position that matches its type, channel and major flag. */
	private static final String STANDARDS = """
			insert into standard.request_standard (request_id, site_id, number, standard_id, owner_id, assignee_id,
			                                       appointment, completed_at)
			select r.id, r.site_id, r.number, s.id, r.owner_id, r.assignee_id, r.appointment, r.completed_at
			from request.service_request r
			left join lateral (
			    select s.id from standard.service_standard s
			    where s.site_id is null and s.active and s.category_ids is null and s.priorities is null
			      and (s.types is null or r.type = any(s.types)) and (s.major is null or s.major = r.major)
			      and (s.channels is null or r.channel = any(s.channels))
			    order by s.position limit 1) s on true
			where r.site_id in (select id from gen_site)""";

	/**
	 * One clock per request with a standard, its standard's first rule, due a day after
	 * registration: met when resolved by then, breached when resolved later or still open
	 * past it, running otherwise.
	 */
	private static final String CLOCKS = """
			insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, due_at,
			                                    stopped_at, created_at)
			select q.request_id, q.site_id, c.id, c.kind,
			       case when r.resolved_at is not null and r.resolved_at <= r.registered_at + interval '1 day' then 'MET'
			            when r.resolved_at is not null or r.registered_at + interval '1 day' < :now then 'BREACHED'
			            else 'RUNNING' end,
			       r.registered_at, r.registered_at + interval '1 day', r.resolved_at, r.registered_at
			from standard.request_standard q
			join request.service_request r on r.id = q.request_id
			join lateral (select c.id, c.kind from standard.clock_rule c where c.standard_id = q.standard_id and not c.retired
			              order by c.position limit 1) c on true
			where q.site_id in (select id from gen_site) and not (r.status = 'CLOSED' and r.resolved_at is null)""";

	/**
	 * A callback of every resolved repair, complaint and paid service: four in five
	 * reached (非常满意 40 %, 满意 45 %, 一般 10 %, 不满意 4 %, 非常不满意 1 %), one in twenty
	 * unreachable, the rest open while due within three days of the resolution, else
	 * archived without it.
	 */
	private static final String CALLBACKS = """
			insert into callback.callback (request_id, site_id, number, type, household_id, requester, phone, place,
			                               description, result, resolved_at, due_at, state, method, satisfaction, closed_by,
			                               closed_by_name, closed_at, created_at, request_owner_id, request_assignee_id)
			select r.id, r.site_id, r.number, r.type, r.household_id, r.contact_name, r.contact_phone, r.place,
			       r.description, r.resolution, r.resolved_at, r.resolved_at + interval '3 days', x.state,
			       case when x.state = 'COMPLETED' then 'PHONE' end,
			       case when x.state <> 'COMPLETED' then null when x.v < 0.40 then 'VERY_SATISFIED'
			            when x.v < 0.85 then 'SATISFIED' when x.v < 0.95 then 'NEUTRAL'
			            when x.v < 0.99 then 'DISSATISFIED' else 'VERY_DISSATISFIED' end,
			       case when x.state in ('COMPLETED', 'UNREACHABLE') then r.owner_id end,
			       case when x.state in ('COMPLETED', 'UNREACHABLE') then '客服' end,
			       case when x.state in ('COMPLETED', 'UNREACHABLE') then least(r.resolved_at + x.v * interval '3 days', :now) end,
			       r.resolved_at, r.owner_id, r.assignee_id
			from request.service_request r
			cross join lateral (
			    select case when u < 0.80 then 'COMPLETED' when u < 0.85 then 'UNREACHABLE'
			                when r.resolved_at > cast(:now as timestamptz) - interval '3 days' then 'OPEN' else 'MISSED' end
			               as state, v
			    from (select random() as u, random() as v where r.id is not null) d) x
			where r.site_id in (select id from gen_site) and r.resolved_at is not null
			  and r.type in ('REPAIR', 'COMPLAINT', 'PAID_SERVICE')""";

	private static final String HISTORY = """
			insert into request.request_history (request_id, occurred_at, actor_id, actor_name, action, from_status,
			                                     to_status, note)
			select r.id, h.at, h.actor, a.name, h.action, h.from_status, h.to_status, h.note
			from request.service_request r
			cross join lateral (
			    select 1 as step, r.registered_at as at, r.owner_id as actor, '受理' as action, cast(null as text) as from_status,
			           'REGISTERED' as to_status, '' as note
			    union all
			    select 2, r.closed_at, r.owner_id, '当场答复办结', 'REGISTERED', 'CLOSED', r.resolution
			    where r.status = 'CLOSED' and r.resolved_at is null
			    union all
			    select 3, r.dispatched_at, r.owner_id, '派工', 'REGISTERED', 'DISPATCHED',
			           case when r.type = 'COMPLAINT' then '派给 客服部' else '派给 工程部' end
			    where r.dispatched_at is not null
			    union all
			    select 4, r.accepted_at, r.assignee_id, '接单', 'DISPATCHED', 'ACCEPTED', ''
			    where r.accepted_at is not null
			    union all
			    select 5, r.arrived_at, r.assignee_id, '到场', 'ACCEPTED', 'IN_PROGRESS', coalesce(r.findings, '')
			    where r.arrived_at is not null
			    union all
			    select 6, r.arrived_at + interval '1 hour', r.assignee_id, '暂停', 'IN_PROGRESS', 'PAUSED', ''
			    where r.status = 'PAUSED'
			    union all
			    select 7, r.completed_at, r.assignee_id, '完工', 'IN_PROGRESS', 'COMPLETED', coalesce(r.work_result, '')
			    where r.completed_at is not null
			    union all
			    select 8, r.resolved_at, r.owner_id, '办结', case when r.completed_at is null then 'REGISTERED' else 'COMPLETED' end,
			           'RESOLVED', coalesce(r.resolution, '')
			    where r.resolved_at is not null
			    union all
			    select 9, r.closed_at, r.owner_id, '归档', 'RESOLVED', 'CLOSED', ''
			    where r.resolved_at is not null and r.closed_at is not null
			) h
			join gen_staff a on a.account_id = h.actor
			where r.site_id in (select id from gen_site)
			order by r.id, h.step
			""";
}
