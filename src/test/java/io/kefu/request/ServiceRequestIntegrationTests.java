package io.kefu.request;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.domain.Places;
import io.kefu.security.Role;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@KefuIntegrationTest
@RecordApplicationEvents
class ServiceRequestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Places places;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	SiteAndAdmin site;

	TestUser agent;

	HttpTestClient api;

	long leakCategory;

	@BeforeEach
	void aSiteWithRoomsAndAnAgent() {
		site = staff.site();
		long building = places.createBuilding(site.admin().user(), site.site().id(), "180", null).id();
		places.generateRooms(site.admin().user(), building, 1, 2, 2, null);
		agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		api = new HttpTestClient(port).withBasic(agent.username(), agent.password());
		leakCategory = category(RequestType.REPAIR, "渗漏水");
	}

	@Test
	void registersWithANumberPerSiteAndDayAndTheAgentAsOwner() {
		String first = register(repair("卫生间顶棚漏水"), null).body();
		String second = register(repair("厨房水管滴水"), null).body();

		String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyMMdd"));
		assertThat(first).contains("\"number\":\"" + site.site().code() + "-" + day + "-0001\"", "\"status\":\"REGISTERED\"");
		assertThat(second).contains(site.site().code() + "-" + day + "-0002");

		long id = idOf(first);
		String details = api.get("/api/v1/requests/" + id).body();
		assertThat(details).contains("卫生间顶棚漏水", "180#1-1-1", "渗漏水", "\"ownerName\":\"" + agent.user().displayName() + "\"",
				"\"action\":\"受理\"");
		assertThat(api.get("/api/v1/requests?queue=MINE").body()).contains("卫生间顶棚漏水", "厨房水管滴水");

		long third = requests.register(agent.user(), newRepair("楼道灯不亮"), null).id();
		assertThat(events.stream(ServiceRequestRegistered.class)).singleElement()
			.satisfies(e -> assertThat(e.requestId()).isEqualTo(third))
			.satisfies(e -> assertThat(e.number()).endsWith("-0003"));
	}

	@Test
	void concurrentIntakeGetsNumbersWithoutGapsOrDuplicates() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<String>> intakes = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			int n = i;
			intakes.add(() -> requests.register(agent.user(), newRepair("并发报修 " + n), null).number());
		}
		List<String> numbers = new ArrayList<>();
		for (Future<String> future : pool.invokeAll(intakes)) {
			numbers.add(future.get());
		}
		pool.shutdown();
		assertThat(numbers.stream().map(n -> Integer.parseInt(n.substring(n.length() - 4))).sorted().toList())
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
	}

	@Test
	void aRetriedPostWithTheSameKeyReturnsTheFirstRequest() {
		HttpResponse<String> first = register(repair("门锁坏了"), "intake-42");
		HttpResponse<String> retry = register(repair("门锁坏了"), "intake-42");
		HttpResponse<String> other = register(repair("门锁坏了"), "intake-43");

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(idOf(retry.body())).isEqualTo(idOf(first.body()));
		assertThat(idOf(other.body())).isNotEqualTo(idOf(first.body()));
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void anInquiryAnsweredOnThePhoneIsRegisteredAndClosedInOneStep() {
		long inquiry = category(RequestType.INQUIRY, "收费");
		HttpResponse<String> answered = register("""
				{"siteId":%d,"type":"INQUIRY","categoryId":%d,"channel":"PHONE","contactName":"王先生",
				 "contactPhone":"13812345678","description":"物业费怎么交","answer":"可到服务中心或用微信缴纳"}"""
			.formatted(site.site().id(), inquiry), null);
		assertThat(answered.body()).contains("\"status\":\"CLOSED\"");
		String details = api.get("/api/v1/requests/" + idOf(answered.body())).body();
		assertThat(details).contains("可到服务中心或用微信缴纳", "当场答复办结", "\"closedAt\":\"");

		HttpResponse<String> repairAnswered = register(repair("灯不亮").replace("}", ",\"answer\":\"已告知\"}"), null);
		assertThat(repairAnswered.statusCode()).isEqualTo(400);
		assertThat(repairAnswered.body()).contains("只有咨询和表扬可以当场答复办结");
	}

	@Test
	void badInputGetsASpecificMessageAndRegistersNothing() {
		long complaintCategory = category(RequestType.COMPLAINT, "噪音");
		List<String[]> cases = List.of(
				new String[] { repair("   "), "请填写内容" },
				new String[] { repair("漏水").replace("180#1-1-1", "180#9-9-9"), "本项目没有房号 180#9-9-9" },
				new String[] { repair("漏水").replace("180#1-1-1", "180-1-1"), "\"field\":\"roomCode\"" },
				new String[] { repair("漏水").replace("\"categoryId\":" + leakCategory, "\"categoryId\":" + complaintCategory),
						"不属于所选工单类型" },
				new String[] { repair("漏水").replace("13800001111", "12345"), "不是有效的电话号码" },
				new String[] { repair("漏水").replace("13800001111", "12345"), "\"field\":\"contactPhone\"" },
				new String[] { repair("漏水").replace("\"priority\":\"URGENT\"", "\"priority\":\"URGENT\",\"major\":true"),
						"只有投诉才分一般和重大" },
				new String[] { repair("漏水").replace("\"contactName\":\"李女士\",\"contactPhone\":\"13800001111\",", ""),
						"请选择业户或填写联系人" });
		for (String[] c : cases) {
			HttpResponse<String> response = register(c[0], null);
			assertThat(response.statusCode()).as(c[1]).isEqualTo(400);
			assertThat(response.body()).as(c[1]).contains(c[1]);
		}
		assertThat(register("{\"type\":\"REPAIR\",\"channel\":\"FAX\"}", null).statusCode()).isEqualTo(400);
		assertThat(count()).isZero();
		assertThat(jdbc.sql("select count(*) from request.request_number where site_id = :site")
			.param("site", site.site().id())
			.query(Integer.class)
			.single()).as("no number was used up").isZero();
	}

	@Test
	void aStaffMemberOfAnotherSiteGetsNothingOfThisOne() {
		long id = idOf(register(repair("电梯异响"), null).body());
		SiteAndAdmin other = staff.site();
		TestUser outsider = staff.user(EnumSet.of(Role.AGENT, Role.SUPERVISOR), List.of(other.site().id()));
		HttpTestClient outside = new HttpTestClient(port).withBasic(outsider.username(), outsider.password());

		assertThat(outside.get("/api/v1/requests/" + id).statusCode()).isEqualTo(404);
		assertThat(outside.get("/api/v1/requests?queue=OPEN").body()).doesNotContain("电梯异响");
		assertThat(outside.get("/api/v1/requests?queue=OPEN&site=" + site.site().id()).body()).doesNotContain("电梯异响");
		assertThat(outside.postJson("/api/v1/requests/" + id + "/transfer",
				"{\"to\":\"" + outsider.username() + "\",\"reason\":\"抢单\",\"version\":0}").statusCode()).isEqualTo(404);
		HttpResponse<String> intoOtherSite = new HttpTestClient(port).withBasic(outsider.username(), outsider.password())
			.postJson("/api/v1/requests", repair("冒充报修"));
		assertThat(intoOtherSite.statusCode()).isEqualTo(404);
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void ownershipMovesOnlyByARecordedTransferToAColleagueOfTheSite() {
		long id = idOf(register(repair("阳台地漏堵塞"), null).body());
		int version = queries.details(agent.user(), id).version();
		TestUser colleague = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		TestUser elsewhere = staff.user(EnumSet.of(Role.AGENT), List.of(staff.site().site().id()));

		HttpResponse<String> notHere = api.postJson("/api/v1/requests/" + id + "/transfer",
				"{\"to\":\"" + elsewhere.username() + "\",\"reason\":\"交班\",\"version\":" + version + "}");
		assertThat(notHere.body()).contains("没有找到本项目的员工");
		HttpResponse<String> noReason = api.postJson("/api/v1/requests/" + id + "/transfer",
				"{\"to\":\"" + colleague.username() + "\",\"reason\":\" \",\"version\":" + version + "}");
		assertThat(noReason.body()).contains("请填写转交原因");

		requests.transfer(agent.user(), id, colleague.username(), "下班交接", version);
		HttpResponse<String> stale = api.postJson("/api/v1/requests/" + id + "/transfer",
				"{\"to\":\"" + agent.username() + "\",\"reason\":\"再转回\",\"version\":" + version + "}");
		assertThat(stale.statusCode()).isEqualTo(409);

		String details = api.get("/api/v1/requests/" + id).body();
		assertThat(details).contains("\"ownerName\":\"" + colleague.user().displayName() + "\"", "转交给", "下班交接");
		assertThat(events.stream(OwnershipTransferred.class).filter(e -> e.requestId() == id)).hasSize(1);
	}

	private String repair(String description) {
		return """
				{"siteId":%d,"type":"REPAIR","categoryId":%d,"channel":"PHONE","priority":"URGENT",
				 "contactName":"李女士","contactPhone":"13800001111","roomCode":"180#1-1-1","description":"%s"}"""
			.formatted(site.site().id(), leakCategory, description);
	}

	private NewRequest newRepair(String description) {
		return new NewRequest(site.site().id(), RequestType.REPAIR, leakCategory, Channel.PHONE, Priority.NORMAL, false,
				null, "张先生", null, false, null, "180#1-2-1", null, description, null);
	}

	private HttpResponse<String> register(String json, String key) {
		return key == null ? api.postJson("/api/v1/requests", json) : api.postJson("/api/v1/requests", json, key);
	}

	private long category(RequestType type, String name) {
		return requests.categories(type).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
	}

	private long count() {
		return jdbc.sql("select count(*) from request.service_request where site_id = :site")
			.param("site", site.site().id())
			.query(Long.class)
			.single();
	}

	private static long idOf(String json) {
		return Long.parseLong(json.replaceAll(".*\"id\":(\\d+).*", "$1"));
	}

	@Test
	void administratorsAddAndRetireCategories() {
		HttpTestClient admin = new HttpTestClient(port).withBasic(site.admin().username(), site.admin().password());
		String name = "外墙" + java.util.UUID.randomUUID().toString().substring(0, 4);
		HttpResponse<String> added = admin.postJson("/api/v1/request-categories",
				"{\"type\":\"REPAIR\",\"name\":\"" + name + "\"}");
		assertThat(added.statusCode()).isEqualTo(201);
		long id = idOf(added.body());
		assertThat(api.get("/api/v1/requests/categories?type=REPAIR").body()).contains(name);
		assertThat(admin.postJson("/api/v1/request-categories", "{\"type\":\"REPAIR\",\"name\":\"" + name + "\"}").body())
			.contains("已存在");
		assertThat(api.postJson("/api/v1/request-categories", "{\"type\":\"REPAIR\",\"name\":\"越权\"}").statusCode())
			.isEqualTo(403);

		assertThat(admin.putJson("/api/v1/request-categories/" + id, "{\"name\":\"" + name + "\",\"active\":false}")
			.statusCode()).isEqualTo(204);
		assertThat(api.get("/api/v1/requests/categories?type=REPAIR").body()).doesNotContain(name);
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.admin().username(), site.admin().password());
		assertThat(page.get("/admin/categories?type=REPAIR").body()).contains(name, "渗漏水", "给水");
		HttpTestClient agentPage = new HttpTestClient(port);
		agentPage.signIn(agent.username(), agent.password());
		assertThat(agentPage.get("/admin/categories").statusCode()).isEqualTo(403);
		assertThat(register(repair("外墙脱落").replace("\"categoryId\":" + leakCategory, "\"categoryId\":" + id), null).body())
			.contains("类别不存在");
	}

	@Test
	void queuesFilterByTypeCategoryChannelBuildingAndDays() {
		long otherBuilding = places.createBuilding(site.admin().user(), site.site().id(), "181", null).id();
		places.generateRooms(site.admin().user(), otherBuilding, 1, 1, 1, null);
		long water = category(RequestType.REPAIR, "水电");
		long supply = requests.categories(RequestType.REPAIR).stream()
			.filter(c -> c.name().equals("给水") && c.parentId() != null)
			.findFirst()
			.orElseThrow()
			.id();
		requests.register(agent.user(), newRepair("180 栋漏水"), null);
		requests.register(agent.user(), new NewRequest(site.site().id(), RequestType.REPAIR, supply, Channel.VISIT,
				Priority.NORMAL, false, null, "赵先生", null, false, null, "181#1-1-1", null, "181 栋停水", null), null);
		requests.register(agent.user(), new NewRequest(site.site().id(), RequestType.COMPLAINT,
				category(RequestType.COMPLAINT, "噪音"), Channel.PHONE, Priority.NORMAL, false, null, "钱女士", null, false,
				null, null, null, "夜间施工噪音", null), null);

		String base = "/api/v1/requests?queue=OPEN&site=" + site.site().id();
		assertThat(api.get(base + "&type=COMPLAINT").body()).contains("夜间施工噪音").doesNotContain("漏水", "停水");
		assertThat(api.get(base + "&channel=VISIT").body()).contains("181 栋停水").doesNotContain("漏水", "噪音");
		assertThat(api.get(base + "&building=" + otherBuilding).body()).contains("181 栋停水").doesNotContain("180 栋漏水");
		assertThat(api.get(base + "&category=" + water).body()).as("a category includes its sub-categories")
			.contains("181 栋停水")
			.doesNotContain("180 栋漏水");
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		assertThat(api.get(base + "&from=" + today + "&to=" + today).body()).contains("漏水", "停水", "噪音");
		assertThat(api.get(base + "&to=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1)).body())
			.doesNotContain("漏水");
		HttpResponse<String> unknownChannel = api.get(base + "&channel=FAX");
		assertThat(unknownChannel.statusCode()).isEqualTo(400);
		assertThat(unknownChannel.body()).contains("参数 channel 的值“FAX”无效");
	}

	@Test
	void theUrgencyOrderPagesByKeysetWithoutGapsOrRepeats() {
		long noise = category(RequestType.COMPLAINT, "噪音");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			boolean major = i % 3 == 0;
			boolean urgent = i % 3 == 1;
			String text = "第" + i + "单";
			requests.register(agent.user(), major
					? new NewRequest(site.site().id(), RequestType.COMPLAINT, noise, Channel.PHONE, Priority.NORMAL, true,
							null, "钱女士", null, false, null, null, null, text, null)
					: new NewRequest(site.site().id(), RequestType.REPAIR, leakCategory, Channel.PHONE,
							urgent ? Priority.URGENT : Priority.NORMAL, false, null, "赵先生", null, false, null, null,
							null, text, null), null);
		}
		for (int rank : new int[] { 0, 1, 2 }) {
			for (int i = 0; i < 7; i++) {
				if (i % 3 == rank) {
					expected.add("第" + i + "单");
				}
			}
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = new ObjectMapper().readTree(api.get("/api/v1/requests?queue=OPEN&order=URGENCY&size=2&site="
					+ site.site().id() + (cursor == null ? "" : "&cursor=" + cursor)).body());
			page.get("items").forEach(item -> seen.add(item.get("description").asText()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(api.get("/api/v1/requests?queue=OPEN&order=URGENCY&cursor=12").statusCode()).as("a newest-first cursor")
			.isEqualTo(400);
	}
}
