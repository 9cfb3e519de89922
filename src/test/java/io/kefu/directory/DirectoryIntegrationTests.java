package io.kefu.directory;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.domain.Households;
import io.kefu.directory.domain.Places;
import io.kefu.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@KefuIntegrationTest
class DirectoryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Places places;

	@Autowired
	Households households;

	SiteAndAdmin site;

	HttpTestClient admin;

	long building;

	@BeforeEach
	void aSiteWithABuilding() {
		site = staff.site();
		admin = new HttpTestClient(port).withBasic(site.admin().username(), site.admin().password());
		building = places.createBuilding(site.admin().user(), site.site().id(), "180", null).id();
	}

	@Test
	void generatesRoomsFromEntrancesFloorsAndRoomsPerFloor() {
		HttpResponse<String> generated = admin.postJson("/api/v1/buildings/" + building + "/rooms/generate",
				"{\"entrances\":2,\"floors\":6,\"roomsPerFloor\":2,\"area\":89.50}");
		assertThat(generated.statusCode()).isEqualTo(201);
		assertThat(generated.body()).isEqualTo("{\"rooms\":24}");
		List<RoomSummary> rooms = places.rooms(site.admin().user(), building);
		assertThat(rooms).hasSize(24).extracting(RoomSummary::code).contains("180#1-1-1", "180#2-6-2");
		assertThat(rooms.get(0).area()).isEqualByComparingTo("89.50");

		HttpResponse<String> again = admin.postJson("/api/v1/buildings/" + building + "/rooms/generate",
				"{\"entrances\":3,\"floors\":6,\"roomsPerFloor\":2}");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("房号已存在：180#1-1-1");
		assertThat(places.rooms(site.admin().user(), building)).hasSize(24);
	}

	@Test
	void roomCodesAreEditableButStayUniqueAndWellFormed() {
		places.generateRooms(site.admin().user(), building, 1, 1, 2, null);
		RoomSummary first = places.rooms(site.admin().user(), building).get(0);

		HttpResponse<String> malformed = admin.putJson("/api/v1/rooms/" + first.id(),
				"{\"code\":\"180-1-1\",\"version\":" + first.version() + "}");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("格式不正确");

		HttpResponse<String> duplicate = admin.putJson("/api/v1/rooms/" + first.id(),
				"{\"code\":\"180#1-1-2\",\"version\":" + first.version() + "}");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(duplicate.body()).contains("已存在");

		assertThat(admin.putJson("/api/v1/rooms/" + first.id(), "{\"code\":\"180#1-1-1A\",\"version\":" + first.version() + "}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> stale = admin.putJson("/api/v1/rooms/" + first.id(),
				"{\"code\":\"180#1-1-1B\",\"version\":" + first.version() + "}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(places.room(site.admin().user(), first.id()).code()).isEqualTo("180#1-1-1A");
	}

	@Test
	void aRoomWherePeopleLiveCannotBeDeleted() {
		places.generateRooms(site.admin().user(), building, 1, 1, 2, null);
		households.create(site.admin().user(), new HouseholdInput(site.site().id(), "王家", HouseholdState.OCCUPIED, null,
				null, List.of("180#1-1-1"), List.of(new PersonInput("王芳", PersonRole.OWNER, "13500001111", null))));
		RoomSummary occupied = places.roomByCode(site.admin().user(), site.site().id(), "180#1-1-1").orElseThrow();
		RoomSummary empty = places.roomByCode(site.admin().user(), site.site().id(), "180#1-1-2").orElseThrow();

		HttpResponse<String> refused = admin.delete("/api/v1/rooms/" + occupied.id());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("有住户", "王家");
		assertThat(admin.delete("/api/v1/rooms/" + empty.id()).statusCode()).isEqualTo(204);
		assertThat(places.rooms(site.admin().user(), building)).extracting(RoomSummary::code).containsExactly("180#1-1-1");
	}

	@Test
	void householdsAreFoundByNamePhoneLastFourAndRoomCode() {
		places.generateRooms(site.admin().user(), building, 1, 2, 2, null);
		long id = households.create(site.admin().user(), new HouseholdInput(site.site().id(), "欧阳家",
				HouseholdState.OCCUPIED, null, null, List.of("180#1-2-1"),
				List.of(new PersonInput("欧阳修远", PersonRole.OWNER, "136 1234 9876", null),
						new PersonInput("欧阳小雨", PersonRole.FAMILY, null, null))));

		for (String q : List.of("欧阳修", "13612349876", "9876", "180#1-2-1", "180#1-2")) {
			assertThat(households.search(site.admin().user(), q)).as(q)
				.extracting(HouseholdSummary::id)
				.containsExactly(id);
		}
		assertThat(households.search(site.admin().user(), "1111")).isEmpty();
	}

	@Test
	void badInputGetsAClearMessageAndChangesNothing() {
		places.generateRooms(site.admin().user(), building, 1, 1, 1, null);
		String before = admin.get("/api/v1/households?site=" + site.site().id()).body();

		HttpResponse<String> badPhone = admin.postJson("/api/v1/households", "{\"siteId\":" + site.site().id()
				+ ",\"name\":\"李家\",\"state\":\"OCCUPIED\",\"roomCodes\":[\"180#1-1-1\"],"
				+ "\"people\":[{\"name\":\"李雷\",\"role\":\"OWNER\",\"phone\":\"1234\"}]}");
		assertThat(badPhone.statusCode()).isEqualTo(400);
		assertThat(badPhone.body()).contains("不是有效的电话号码").contains("\"field\":\"phone\"");

		HttpResponse<String> unknownRoom = admin.postJson("/api/v1/households", "{\"siteId\":" + site.site().id()
				+ ",\"name\":\"李家\",\"state\":\"OCCUPIED\",\"roomCodes\":[\"180#9-9-9\"]}");
		assertThat(unknownRoom.body()).contains("本项目没有房号 180#9-9-9");

		HttpResponse<String> unknownBuilding = admin.postJson("/api/v1/buildings/999999999/rooms/generate",
				"{\"entrances\":1,\"floors\":1,\"roomsPerFloor\":1}");
		assertThat(unknownBuilding.statusCode()).isEqualTo(404);
		assertThat(unknownBuilding.body()).contains("没有找到该楼栋");

		HttpResponse<String> badJson = admin.postJson("/api/v1/households", "{\"state\":\"SOMETIMES\"}");
		assertThat(badJson.statusCode()).isEqualTo(400);

		assertThat(admin.get("/api/v1/households?site=" + site.site().id()).body()).isEqualTo(before);
	}

	@Test
	void htmlInNamesShowsAsText() {
		long id = households.create(site.admin().user(), new HouseholdInput(site.site().id(),
				"<script>alert(1)</script>", HouseholdState.VACANT, null, null, List.of(), List.of()));
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.admin().username(), site.admin().password());
		String body = page.get("/households/" + id).body();
		assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
	}

	@Test
	void phonesAndIdNumbersAreMaskedForRolesThatDoNotNeedThemAndEveryViewIsRecorded() {
		long id = households.create(site.admin().user(), new HouseholdInput(site.site().id(), "赵家",
				HouseholdState.OCCUPIED, null, null, List.of(),
				List.of(new PersonInput("赵敏", PersonRole.OWNER, "13712345678", "11010519491231002X"))));
		TestUser technician = staff.user(EnumSet.of(Role.TECHNICIAN), List.of(site.site().id()));
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));

		String masked = new HttpTestClient(port).withBasic(technician.username(), technician.password())
			.get("/api/v1/households/" + id)
			.body();
		assertThat(masked).contains("137****5678", "110105********002X").doesNotContain("13712345678");
		assertThat(new HttpTestClient(port).withBasic(agent.username(), agent.password())
			.get("/api/v1/households/" + id)
			.body()).contains("13712345678");

		HttpTestClient technicianPage = new HttpTestClient(port);
		technicianPage.signIn(technician.username(), technician.password());
		assertThat(technicianPage.get("/households/" + id).body()).contains("137****5678")
			.doesNotContain("13712345678")
			.doesNotContain("/households/" + id + "/people\"");

		String views = admin.get("/api/v1/households/" + id + "/views").body();
		assertThat(views).contains(technician.username(), agent.username());
		assertThat(new HttpTestClient(port).withBasic(agent.username(), agent.password())
			.get("/api/v1/households/" + id + "/views")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void onlyAdministratorsChangePlacesAndStaff() {
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		HttpTestClient api = new HttpTestClient(port).withBasic(agent.username(), agent.password());
		assertThat(api.postJson("/api/v1/sites/" + site.site().id() + "/buildings", "{\"code\":\"200\"}").statusCode())
			.isEqualTo(403);
		assertThat(api.postJson("/api/v1/staff", "{\"staffNumber\":\"X1\",\"name\":\"某\",\"roles\":[\"ADMINISTRATOR\"],"
				+ "\"siteIds\":[" + site.site().id() + "]}").statusCode()).isEqualTo(403);
	}

	@Test
	void administratorsCreateStaffWhoThenSignInWithTheirFirstPassword() {
		long department = places.site(site.admin().user(), site.site().id()).id();
		HttpResponse<String> created = admin.postJson("/api/v1/staff",
				"{\"staffNumber\":\"KF" + department + "\",\"name\":\"孙丽\",\"roles\":[\"AGENT\"],\"siteIds\":["
						+ site.site().id() + "],\"phone\":\"13811112222\",\"enabled\":true}");
		assertThat(created.statusCode()).isEqualTo(201);
		String password = created.body().replaceAll(".*\"password\":\"([^\"]+)\".*", "$1");

		HttpTestClient newcomer = new HttpTestClient(port).withBasic("KF" + department, password);
		assertThat(newcomer.get("/api/v1/sites").body()).contains(site.site().code());

		HttpResponse<String> duplicate = admin.postJson("/api/v1/staff", "{\"staffNumber\":\"KF" + department
				+ "\",\"name\":\"重复\",\"roles\":[\"AGENT\"],\"siteIds\":[" + site.site().id() + "]}");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(duplicate.body()).contains("已被使用");
	}

	@Test
	void administratorsManageStaffOnTheStaffPage() {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.admin().username(), site.admin().password());
		String form = page.get("/staff").body();
		assertThat(form).contains("value=\"SITE_MANAGER\"", "value=\"" + site.site().id() + "\"").doesNotContain("th:each", "th:text");

		String number = "P" + site.site().id();
		HttpResponse<String> created = page.postForm("/staff?roles=AGENT&roles=CLERK&siteIds=" + site.site().id(),
				java.util.Map.of("staffNumber", number, "name", "钱芳", "phone", "13600001111"));
		assertThat(created.statusCode()).isEqualTo(302);
		String staffPage = page.follow(created).body();
		assertThat(staffPage).contains("初始密码", "钱芳", "checked");

		HttpResponse<String> badPhone = page.postForm("/staff?roles=AGENT&siteIds=" + site.site().id(),
				java.util.Map.of("staffNumber", number + "X", "name", "赵六", "phone", "12345"));
		assertThat(page.follow(badPhone).body())
			.contains("不是有效的电话号码");
	}

	@Test
	void agentsRegisterAHouseholdOnItsPageAndEditIt() {
		places.generateRooms(site.admin().user(), building, 1, 1, 1, null);
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());
		page.get("/households/new");

		HttpResponse<String> created = page.postForm("/households", java.util.Map.of("siteId",
				String.valueOf(site.site().id()), "name", "冯家", "state", "OCCUPIED", "moveInDate", "2024-03-01",
				"rooms", "180#1-1-1", "personName", "冯宝宝", "personRole", "OWNER", "personPhone", "13700007777"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(page.follow(created).body()).contains("冯家", "180#1-1-1", "冯宝宝", "13700007777", "2024-03-01");

		HttpResponse<String> edited = page.postForm(location, java.util.Map.of("name", "冯氏", "state", "RENOVATING",
				"version", "0"));
		assertThat(page.follow(edited).body()).contains("冯氏", "装修中",
				"已保存");
		HttpResponse<String> stale = page.postForm(location, java.util.Map.of("name", "冯某", "state", "VACANT",
				"version", "0"));
		assertThat(page.follow(stale).body()).contains("数据已被他人修改");
		assertThat(page.get(location).body()).contains("冯氏").doesNotContain("冯某");
	}

	@Test
	void administratorsBuildASiteOnThePages() {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(site.admin().username(), site.admin().password());
		page.get("/sites");
		String code = "P" + (site.site().id() % 100000);
		HttpResponse<String> siteCreated = page.postForm("/sites", java.util.Map.of("code", code, "name", "页面小区",
				"kind", "RESIDENTIAL", "address", "测试路"));
		assertThat(page.follow(siteCreated).body()).contains("页面小区", code);

		HttpResponse<String> buildingCreated = page.postForm(
				siteCreated.headers().firstValue("Location").orElseThrow() + "/buildings", java.util.Map.of("code", "7"));
		String buildingPath = buildingCreated.headers().firstValue("Location").orElseThrow();
		page.follow(buildingCreated);
		HttpResponse<String> generated = page.postForm(buildingPath + "/rooms",
				java.util.Map.of("entrances", "1", "floors", "3", "roomsPerFloor", "2"));
		assertThat(page.follow(generated).body()).contains("已生成 6 间房", "7#1-3-2");

		HttpResponse<String> tooMany = page.postForm(buildingPath + "/rooms",
				java.util.Map.of("entrances", "21", "floors", "3", "roomsPerFloor", "2"));
		assertThat(page.follow(tooMany).body()).contains("单元数应在 1 到 20 之间");
	}

	@Test
	void archiveDocumentsAreFiledWithAttachmentsCheckedByTheirContent() {
		long id = households.create(site.admin().user(), new HouseholdInput(site.site().id(), "档案户",
				HouseholdState.OCCUPIED, null, null, List.of(), List.of()));
		byte[] pdf = "%PDF-1.4\n%kefu test\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

		HttpResponse<String> filed = admin.postMultipart("/api/v1/households/" + id + "/archive/TEMPORARY_COVENANT/attachments",
				"file", "临时规约.pdf", "application/pdf", pdf);
		assertThat(filed.statusCode()).isEqualTo(201);
		long attachment = Long.parseLong(filed.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
		assertThat(admin.getBytes("/api/v1/attachments/" + attachment).body()).isEqualTo(pdf);

		HttpResponse<String> fake = admin.postMultipart("/api/v1/households/" + id + "/archive/IDENTITY_PROOF/attachments",
				"file", "身份证.pdf", "application/pdf", "not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(fake.statusCode()).isEqualTo(400);
		assertThat(fake.body()).contains("只能上传 PDF、JPEG 或 PNG 文件");

		HouseholdDetails details = households.details(site.admin().user(), id);
		assertThat(details.archive()).filteredOn(item -> item.kind() == ArchiveDocumentKind.TEMPORARY_COVENANT)
			.singleElement()
			.satisfies(item -> assertThat(item.onFile()).isTrue());
		assertThat(details.archive()).filteredOn(item -> item.kind() == ArchiveDocumentKind.IDENTITY_PROOF)
			.singleElement()
			.satisfies(item -> assertThat(item.onFile()).isFalse());

		SiteAndAdmin other = staff.site();
		assertThat(new HttpTestClient(port).withBasic(other.admin().username(), other.admin().password())
			.getBytes("/api/v1/attachments/" + attachment)
			.statusCode()).isEqualTo(404);
	}
}
