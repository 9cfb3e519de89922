package io.kefu.request.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.HttpTestClient;
import io.kefu.HttpTestClient.FilePart;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.domain.Places;
import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.PhotoUpload;
import io.kefu.request.Priority;
import io.kefu.request.Registration;
import io.kefu.request.RequestIntake;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.web.IntakeMother.Estate;
import io.kefu.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake screen and the request page over real HTTP, signed in through the sign-in form. */
@KefuIntegrationTest
class IntakePageTests {

	private static final Pattern NUMBER = Pattern.compile("id=\"registered-number\">([^<]+)<");

	private static final Pattern REQUEST_LINK = Pattern.compile("href=\"/requests/(\\d+)\">查看工单");

	private static final Pattern PHOTO_LINK = Pattern.compile("src=\"(/requests/\\d+/photos/\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	IntakeMother mother;

	@Autowired
	StaffMother staff;

	@Autowired
	RequestIntake intake;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	Estate estate;

	HttpTestClient page;

	long leak;

	@BeforeEach
	void anAgentAtTheScreen() {
		estate = mother.estate();
		page = new HttpTestClient(port);
		page.signIn(estate.agent().username(), estate.agent().password());
		assertThat(page.get("/requests/new").body()).contains("来电查询", "保存受理");
		leak = mother.category(RequestType.REPAIR, "渗漏水");
	}

	@Test
	void registersARepairWithPhotosAndShowsTheNumberToReadOut() {
		byte[] png = IntakeMother.png();
		HttpResponse<String> saved = page.postMultipart("/requests/new",
				repair("卫生间顶棚漏水 <script>alert('x')</script>"),
				List.of(new FilePart("photos", "ceiling.png", "image/png", png),
						new FilePart("photos", "pipe.jpg", "image/jpeg", IntakeMother.jpeg())),
				false);
		assertThat(saved.statusCode()).isEqualTo(302);
		String screen = page.follow(saved).body();
		String number = find(NUMBER, screen);
		assertThat(number).startsWith(estate.site().code() + "-").endsWith("-0001");
		assertThat(screen).as("a clean form for the next call").doesNotContain("卫生间顶棚漏水");

		String request = page.get("/requests/" + find(REQUEST_LINK, screen)).body();
		assertThat(request).contains(number, "报修", "待派工", "渗漏水", "180#1-1-1", "王大明", "13912345678", "来电",
				"急修", estate.agent().user().displayName(), "受理")
			.contains("卫生间顶棚漏水 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert");
		Matcher photos = PHOTO_LINK.matcher(request);
		assertThat(photos.find()).isTrue();
		HttpResponse<byte[]> photo = page.getBytes(photos.group(1));
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(photo.body()).isEqualTo(png);
		assertThat(photos.find()).as("the second photo").isTrue();
		assertThat(page.getBytes(photos.group(1)).headers().firstValue("Content-Type")).hasValue("image/jpeg");

		assertThat(page.get("/requests?queue=MINE").body()).contains(number, "卫生间顶棚漏水");
	}

	@Test
	void htmxGetsACleanFormAndTheNumberInPlace() {
		HttpResponse<String> saved = page.postMultipart("/requests/new", repair("阳台门关不上"), List.of(), true);
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.headers().firstValue("HX-Trigger-After-Settle")).hasValue("kefu-registered");
		assertThat(find(NUMBER, saved.body())).endsWith("-0001");
		assertThat(saved.body()).contains("id=\"intake-form\"", "id=\"intake-result\"", "hx-swap-oob=\"true\"")
			.doesNotContain("阳台门关不上");

		HttpResponse<String> inquiry = page.postMultipart("/requests/new",
				Map.of("key", UUID.randomUUID().toString(), "siteId", String.valueOf(estate.siteId()), "type",
						"INQUIRY", "categoryId", String.valueOf(mother.category(RequestType.INQUIRY, "收费")), "channel",
						"PHONE", "contactName", "赵先生", "description", "物业费怎么交", "answer", "可到服务中心或用微信缴纳"),
				List.of(), true);
		assertThat(inquiry.body()).contains("已当场答复并办结");
	}

	@Test
	void anErrorKeepsWhatWasTypedAndSavesNothing() {
		Map<String, String> noText = repair(" ");
		HttpResponse<String> refused = page.postMultipart("/requests/new", noText, List.of(), true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("未保存", "请填写内容", "value=\"王大明\"", "value=\"180#1-1-1\"", "is-invalid");

		Map<String, String> badPhone = repair("门锁坏了");
		badPhone.put("contactPhone", "12345");
		HttpResponse<String> page422 = page.postMultipart("/requests/new", badPhone, List.of(), false);
		assertThat(page422.statusCode()).isEqualTo(422);
		assertThat(page422.body()).contains("不是有效的电话号码", "门锁坏了", "value=\"12345\"");
		assertThat(requestCount()).isZero();
	}

	@Test
	void badPhotosAreRefusedWithTheReasonAndChangeNothing() {
		long requestsBefore = requestCount();
		long photosBefore = photoCount();
		byte[] tooLarge = new byte[(int) (10L * 1024 * 1024) + 1];
		System.arraycopy(IntakeMother.png(), 0, tooLarge, 0, IntakeMother.png().length);
		byte[] text = "这不是照片，只是改了扩展名".getBytes(StandardCharsets.UTF_8);
		Map<FilePart, String> cases = new LinkedHashMap<>();
		cases.put(new FilePart("photos", "big.png", "image/png", tooLarge), "太大");
		cases.put(new FilePart("photos", "notes.png", "image/png", text), "不是照片");
		cases.put(new FilePart("photos", "fake.png", "image/png", IntakeMother.jpeg()), "类型与内容不符");
		cases.put(new FilePart("photos", "fake.jpg", "application/octet-stream", IntakeMother.png()), "类型与内容不符");

		cases.forEach((file, reason) -> {
			HttpResponse<String> refused = page.postMultipart("/requests/new", repair("厨房水管滴水"),
					List.of(new FilePart("photos", "fine.jpg", "image/jpeg", IntakeMother.jpeg()), file), true);
			assertThat(refused.body()).as(reason).contains("未保存", reason, file.filename(), "照片需要重新选择", "厨房水管滴水");
		});
		List<FilePart> six = java.util.stream.IntStream.range(0, 6)
			.mapToObj(i -> new FilePart("photos", i + ".png", "image/png", IntakeMother.png()))
			.toList();
		assertThat(page.postMultipart("/requests/new", repair("厨房水管滴水"), six, true).body()).contains("照片太多");

		assertThat(requestCount()).isEqualTo(requestsBefore);
		assertThat(photoCount()).isEqualTo(photosBefore);
		assertThat(jdbc.sql("select count(*) from request.request_number where site_id = :site")
			.param("site", estate.siteId())
			.query(Long.class)
			.single()).as("no number was used up").isZero();
	}

	@Test
	void warnsOfARepeatReportOfTheHouseholdOrItsRoomWithinThirtyDays() {
		String q = "/requests/new?q=5678&siteId=" + estate.siteId();
		Registration earlier = requests.register(estate.agent().user(), leakAt(estate.householdId(), null), null);

		String card = page.getFragment(q + "&categoryId=" + leak).body();
		assertThat(card).contains("王大明", "13912345678", "180#1-1-1", "重复报事", "渗漏水", earlier.number(),
				"未办结（1）", "最近 5 单");
		assertThat(page.getFragment(q + "&categoryId=" + mother.category(RequestType.REPAIR, "门窗")).body())
			.as("another category is no repeat")
			.contains("王大明", earlier.number())
			.doesNotContain("重复报事");
		assertThat(page.getFragment(q).body()).as("no category chosen yet").doesNotContain("重复报事");

		String repeats = "/requests/new/repeats?householdId=" + estate.householdId() + "&categoryId=" + leak;
		assertThat(page.getFragment(repeats).body()).contains("重复报事", earlier.number());

		// the neighbour's room, reported by someone who is not of the household
		Registration aboutTheRoom = requests.register(estate.agent().user(), leakAt(null, "180#1-1-2"), null);
		String neighbour = page.getFragment("/requests/new?q=0000&categoryId=" + leak).body();
		assertThat(neighbour).contains("李小红", "重复报事", aboutTheRoom.number()).doesNotContain(earlier.number());

		jdbc.sql("update request.service_request set registered_at = registered_at - interval '31 days' where site_id = :site")
			.param("site", estate.siteId())
			.update();
		assertThat(page.getFragment(q + "&categoryId=" + leak).body()).as("older than 30 days")
			.contains(earlier.number())
			.doesNotContain("重复报事");
	}

	@Test
	void aStaffMemberOfAnotherSiteFindsNeitherTheRequestNorItsPhoto() {
		Registration registration = intake.register(estate.agent().user(), leakAt(estate.householdId(), null),
				List.of(new PhotoUpload("leak.png", "image/png", IntakeMother.png())), null);
		long photo = jdbc.sql("select id from request.request_photo where request_id = :id")
			.param("id", registration.id())
			.query(Long.class)
			.single();
		assertThat(page.getBytes("/requests/" + registration.id() + "/photos/" + photo).statusCode()).isEqualTo(200);

		TestUser outsider = staff.user(EnumSet.of(Role.AGENT, Role.SUPERVISOR), List.of(staff.site().site().id()));
		HttpTestClient outside = new HttpTestClient(port);
		outside.signIn(outsider.username(), outsider.password());
		assertThat(outside.get("/requests/" + registration.id()).statusCode()).isEqualTo(404);
		assertThat(outside.getBytes("/requests/" + registration.id() + "/photos/" + photo).statusCode()).isEqualTo(404);
		assertThat(outside.get("/requests?queue=OPEN").body()).doesNotContain(registration.number());
		assertThat(outside.getFragment("/requests/new/repeats?householdId=" + estate.householdId() + "&categoryId=" + leak)
			.body()).doesNotContain(registration.number());
		assertThat(page.getBytes("/requests/" + registration.id() + "/photos/" + (photo + 1000)).statusCode())
			.as("a photo that is not this request's")
			.isEqualTo(404);
	}

	@Test
	void phonesAreMaskedForRolesThatDoNotNeedThem() {
		Registration registration = requests.register(estate.agent().user(), new NewRequest(estate.siteId(),
				RequestType.REPAIR, leak, Channel.PHONE, Priority.NORMAL, false, estate.householdId(), "王大明",
				"13912345678", false, null, "180#1-1-1", null, "水管爆了", null), null);
		TestUser quality = staff.user(EnumSet.of(Role.QUALITY), List.of(estate.siteId()));
		HttpTestClient inspector = new HttpTestClient(port);
		inspector.signIn(quality.username(), quality.password());

		String card = inspector.getFragment("/requests/new?q=5678").body();
		assertThat(card).contains("王大明", "139****5678").doesNotContain("13912345678", "data-contact-phone");
		assertThat(inspector.get("/requests/" + registration.id()).body()).contains("139****5678")
			.doesNotContain("13912345678");
	}

	@Test
	void theTypeBringsItsCategoriesAndFieldsAndTheSiteItsPublicAreas() {
		assertThat(page.getFragment("/requests/new/categories?type=REPAIR").body()).contains("渗漏水", "给水", "日常", "急修")
			.doesNotContain("重大投诉", "当场答复");
		assertThat(page.getFragment("/requests/new/categories?type=COMPLAINT").body()).contains("噪音", "重大投诉")
			.doesNotContain("急修");
		HttpResponse<String> inquiry = page.getFragment("/requests/new/categories?type=INQUIRY");
		assertThat(inquiry.body()).contains("办事指南", "id=\"answer-field\"", "hx-swap-oob=\"true\"", "当场答复");
		assertThat(inquiry.headers().firstValue("HX-Trigger-After-Settle")).hasValue("kefu-category");

		TestUser admin = staff.user(EnumSet.of(Role.ADMINISTRATOR), List.of(estate.siteId()));
		places.createPublicArea(admin.user(), estate.siteId(), "南门岗亭", "门岗");
		assertThat(page.getFragment("/requests/new/areas?siteId=" + estate.siteId()).body()).contains("南门岗亭");
		long elsewhere = staff.site().site().id();
		assertThat(page.getFragment("/requests/new/areas?siteId=" + elsewhere).body()).doesNotContain("<option value=\"1");
	}

	@Test
	void myRequestsPageByKeyset() {
		for (int i = 1; i <= RequestWebController.PAGE_SIZE + 1; i++) {
			requests.register(estate.agent().user(), leakAt(null, "180#1-2-1"), null);
		}
		String first = page.get("/requests?queue=MINE").body();
		assertThat(first).contains("我的工单", "全部未办结", "受理", "-0031", "-0002").doesNotContain("-0001<");
		Matcher next = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"").matcher(first);
		assertThat(next.find()).as(first).isTrue();
		String second = page.get(next.group(1).replace("&amp;", "&")).body();
		assertThat(second).contains("-0001<").doesNotContain("-0002<", "id=\"next-page\"");

		TestUser colleague = staff.user(EnumSet.of(Role.AGENT), List.of(estate.siteId()));
		HttpTestClient other = new HttpTestClient(port);
		other.signIn(colleague.username(), colleague.password());
		assertThat(other.get("/requests?queue=MINE").body()).contains("没有工单");
		assertThat(other.get("/requests?queue=OPEN").body()).contains("-0031");
	}

	private Map<String, String> repair(String description) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("key", UUID.randomUUID().toString());
		fields.put("siteId", String.valueOf(estate.siteId()));
		fields.put("type", "REPAIR");
		fields.put("categoryId", String.valueOf(leak));
		fields.put("channel", "PHONE");
		fields.put("priority", "URGENT");
		fields.put("householdId", String.valueOf(estate.householdId()));
		fields.put("householdName", "王大明");
		fields.put("contactName", "王大明");
		fields.put("contactPhone", "13912345678");
		fields.put("roomCode", "180#1-1-1");
		fields.put("publicAreaId", "");
		fields.put("description", description);
		return fields;
	}

	private NewRequest leakAt(Long householdId, String roomCode) {
		return new NewRequest(estate.siteId(), RequestType.REPAIR, leak, Channel.PHONE, Priority.NORMAL, false,
				householdId, householdId == null ? "路过的邻居" : null, null, false, null, roomCode, null, "墙角渗水",
				null);
	}

	private long requestCount() {
		return jdbc.sql("select count(*) from request.service_request where site_id = :site")
			.param("site", estate.siteId())
			.query(Long.class)
			.single();
	}

	private long photoCount() {
		return jdbc.sql("""
				select count(*) from request.request_photo p join request.service_request r on r.id = p.request_id
				where r.site_id = :site""")
			.param("site", estate.siteId())
			.query(Long.class)
			.single();
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(pattern.pattern() + " in\n" + body).isTrue();
		return matcher.group(1).strip();
	}
}
