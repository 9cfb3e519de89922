package io.kefu.directory.imports;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.SiteSummary;
import io.kefu.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.kefu.directory.imports.ImportFiles.Formula;
import static io.kefu.directory.imports.ImportFiles.header;
import static io.kefu.directory.imports.ImportFiles.household;
import static io.kefu.directory.imports.ImportFiles.room;
import static io.kefu.directory.imports.ImportFiles.with;
import static io.kefu.directory.imports.ImportFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@KefuIntegrationTest
class HouseholdImportTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void previewListsEveryProblemByRowAndColumnAndWritesNothing() {
		SiteAndAdmin site = staff.site();
		TestUser clerk = clerkOf(site.site());
		String code = site.site().code();
		ImportApi api = new ImportApi(port, clerk);

		JsonNode job = api.uploadAndCheck(xlsx(header(),
				household(code, "1", 1, 1, 1, "王家", "王一", "业主", "13812345678"),
				household("NOSUCH", "1", 1, 1, 2, "李家", "李一", "业主", "13812345679"),
				household(code, "1", 1, 1, 3, "赵家", "赵一", "老板", "12345"),
				with(household(code, "1", 1, 1, 4, "钱家", "钱一", "业主", null), ImportColumn.STATE, "出租",
						ImportColumn.MOVE_IN, "2024-13-01"),
				household(code, "1", 1, 1, 1, "孙家", "孙一", "业主", null),
				with(room(code, "1", 1, 1, 5), ImportColumn.ROOM_CODE, "1-1-5"),
				with(room(code, "1", 1, 1, 6), ImportColumn.NAME_1, "周一")));

		assertThat(job.get("state").asString()).isEqualTo("INVALID");
		List<Object[]> problems = new ArrayList<>();
		job.get("problems").forEach(p -> problems.add(
				new Object[] { p.get("row").asInt(), p.get("column").asString(), p.get("message").asString() }));
		assertThat(problems).extracting(p -> tuple(p[0], p[1])).containsExactly(
				tuple(3, "项目编码"),
				tuple(4, "身份1"), tuple(4, "电话1"),
				tuple(5, "入住状态"), tuple(5, "入住日期"),
				tuple(6, "房号"),
				tuple(7, "房号"),
				tuple(8, "户名"));
		assertThat(problems.get(0)[2]).isEqualTo("项目编码“NOSUCH”不存在，或不是您负责的项目");
		assertThat((String) problems.get(1)[2]).contains("身份1“老板”无效");
		assertThat((String) problems.get(2)[2]).contains("不是有效的电话号码");
		assertThat((String) problems.get(3)[2]).contains("入住状态“出租”无效");
		assertThat((String) problems.get(4)[2]).contains("入住日期“2024-13-01”无效");
		assertThat((String) problems.get(5)[2]).isEqualTo("房号 1#1-1-1 与第 2 行重复");
		assertThat((String) problems.get(6)[2]).contains("格式不正确");
		assertThat(job.get("problemCount").asInt()).isEqualTo(8);
		assertThat(roomsOf(site.site())).isZero();

		HttpResponse<String> refused = api.client().postJson("/api/v1/imports/" + job.get("id").asLong() + "/commit", "");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("文件中有问题，不能导入");
		assertThat(roomsOf(site.site())).isZero();
	}

	@Test
	void roomsThatExistAlreadyAreProblems() {
		SiteAndAdmin site = staff.site();
		ImportApi api = new ImportApi(port, clerkOf(site.site()));
		String code = site.site().code();
		assertThat(api.commit(api.uploadAndCheck(xlsx(header(), room(code, "7", 1, 1, 1))).get("id").asLong())
			.get("state")
			.asString()).isEqualTo("DONE");

		JsonNode again = api.uploadAndCheck(xlsx(header(), room(code, "7", 1, 1, 2), room(code, "7", 1, 1, 1)));

		assertThat(again.get("state").asString()).isEqualTo("INVALID");
		assertThat(again.get("problems").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(again.get("problems").get(0).get("message").asString()).isEqualTo("房号 7#1-1-1 在该项目中已存在");
	}

	@Test
	void aValidFileImportsEveryRowWithBuildingsHouseholdsAndPeople() {
		SiteAndAdmin site = staff.site();
		TestUser clerk = clerkOf(site.site());
		String code = site.site().code().toLowerCase();
		ImportApi api = new ImportApi(port, clerk);

		JsonNode checked = api.uploadAndCheck(xlsx(header(),
				with(household(code, "180", 1, 1, 1, "张伟家", "张伟", "业主", 13812345678L), ImportColumn.AREA, 89.5,
						ImportColumn.MOVE_IN, "2024-03-01", ImportColumn.NAME_2, "李娜", ImportColumn.ROLE_2,
						"家庭成员", ImportColumn.PHONE_2, "0571 8888 6666"),
				with(household(code, "180", 1, 1, 2, "=HYPERLINK(\"http://x\")", "<b>王</b>", "租户", null),
						ImportColumn.ROOM_CODE, "180#1-1-2", ImportColumn.STATE, "装修中"),
				room(code, "A座", 2, 12, 5),
				with(room(code, "A座", 2, 12, 6), ImportColumn.HOUSEHOLD, new Formula("CONCAT(\"a\",\"b\")"),
						ImportColumn.STATE, "空置")));

		assertThat(checked.get("state").asString()).isEqualTo("READY");
		assertThat(checked.get("rowsTotal").asInt()).isEqualTo(4);
		assertThat(checked.get("buildings").asInt()).isEqualTo(2);
		assertThat(checked.get("newBuildings").asInt()).isEqualTo(2);
		assertThat(checked.get("rooms").asInt()).isEqualTo(4);
		assertThat(checked.get("households").asInt()).isEqualTo(3);
		assertThat(checked.get("people").asInt()).isEqualTo(3);
		assertThat(roomsOf(site.site())).isZero();

		JsonNode done = api.commit(checked.get("id").asLong());

		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("rowsWritten").asInt()).isEqualTo(4);
		assertThat(jdbc.sql("select code, name from directory.building where site_id = :site order by code")
			.param("site", site.site().id())
			.query((rs, n) -> rs.getString("code") + "/" + rs.getString("name"))
			.list()).containsExactly("180/180幢", "A座/A座幢");
		assertThat(jdbc.sql("""
				select r.code, r.area, h.name, h.state, h.move_in_date from directory.room r
				left join directory.household_room hr on hr.room_id = r.id
				left join directory.household h on h.id = hr.household_id
				where r.site_id = :site order by r.code""")
			.param("site", site.site().id())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getBigDecimal(2) + "|" + rs.getString(3) + "|"
					+ rs.getString(4) + "|" + rs.getString(5))
			.list()).containsExactly("180#1-1-1|89.50|张伟家|OCCUPIED|2024-03-01",
					"180#1-1-2|null|=HYPERLINK(\"http://x\")|RENOVATING|null", "A座#2-12-5|null|null|null|null",
					"A座#2-12-6|null|=CONCAT(\"a\",\"b\")|VACANT|null");
		assertThat(jdbc.sql("select name, role, phone from directory.person where site_id = :site order by id")
			.param("site", site.site().id())
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.list()).containsExactly("张伟|OWNER|13812345678", "李娜|FAMILY|0571-88886666", "<b>王</b>|TENANT|null");
		assertThat(api.client().get("/api/v1/households/search?q=5678").body()).contains("张伟家");
	}

	@Test
	void aCommitThatFailsHalfWayWritesNothing() {
		SiteAndAdmin site = staff.site();
		ImportApi api = new ImportApi(port, clerkOf(site.site()));
		List<Object[]> rows = new ArrayList<>();
		rows.add(header());
		for (int i = 0; i < ImportWriter.CHUNK + 500; i++) {
			rows.add(household(site.site().code(), "9", i / 1000 + 1, i % 1000 / 10 + 1, i % 10 + 1, "户" + i, "人" + i,
					"业主", null));
		}
		rows.set(rows.size() - 1, household(site.site().code(), "9", 9, 1, 1, "最后一户", "触发失败", "业主", null));
		JsonNode checked = api.uploadAndCheck(xlsx(rows));
		assertThat(checked.get("state").asString()).isEqualTo("READY");
		jdbc.sql("""
				create function directory.fail_import_test() returns trigger language plpgsql as $$
				begin
				  if new.name = '触发失败' then raise exception 'the database refuses this row'; end if;
				  return new;
				end $$""").update();
		jdbc.sql("""
				create trigger fail_import_test before insert on directory.person
				for each row execute function directory.fail_import_test()""").update();
		JsonNode failed;
		try {
			failed = api.commit(checked.get("id").asLong());
		}
		finally {
			jdbc.sql("drop trigger fail_import_test on directory.person").update();
			jdbc.sql("drop function directory.fail_import_test()").update();
		}

		assertThat(failed.get("state").asString()).isEqualTo("FAILED");
		assertThat(failed.get("error").asString()).isEqualTo("导入失败，未写入任何数据。请稍后重试，或联系管理员");
		assertThat(roomsOf(site.site())).isZero();
		assertThat(count("select count(*) from directory.household where site_id = :site", site.site())).isZero();
		assertThat(count("select count(*) from directory.building where site_id = :site", site.site())).isZero();
	}

	@Test
	void theCommitChecksAgainAndRefusesRoomsAddedMeanwhile() {
		SiteAndAdmin site = staff.site();
		ImportApi api = new ImportApi(port, clerkOf(site.site()));
		String code = site.site().code();
		JsonNode checked = api.uploadAndCheck(xlsx(header(), room(code, "5", 1, 1, 1), room(code, "5", 1, 1, 2)));
		new ImportApi(port, site.admin()).client()
			.postJson("/api/v1/sites/" + site.site().id() + "/buildings", "{\"code\":\"5\"}");
		long buildingId = jdbc.sql("select id from directory.building where site_id = :site")
			.param("site", site.site().id())
			.query(Long.class)
			.single();
		new ImportApi(port, site.admin()).client()
			.postJson("/api/v1/buildings/" + buildingId + "/rooms/generate",
					"{\"entrances\":1,\"floors\":1,\"roomsPerFloor\":2}");

		JsonNode refused = api.commit(checked.get("id").asLong());

		assertThat(refused.get("state").asString()).isEqualTo("INVALID");
		assertThat(refused.get("problems")).hasSize(2);
		assertThat(roomsOf(site.site())).isEqualTo(2);
	}

	@Test
	void filesThatAreNotTheTemplateAreRefusedWithTheReason() {
		SiteAndAdmin site = staff.site();
		ImportApi api = new ImportApi(port, clerkOf(site.site()));
		long jobsBefore = jobs();

		assertRefused(api.upload("rooms.xlsx", "项目编码,楼栋\nBA01,1\n".getBytes(StandardCharsets.UTF_8)),
				"该文件不是 Excel 工作簿（.xlsx）");
		assertRefused(api.upload("rooms.xlsx", zipWithout()), "该文件不是 Excel 工作簿（.xlsx）");
		assertRefused(api.upload("rooms.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
				(byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0 }), "这是旧版 Excel（.xls）文件");
		assertRefused(api.upload("rooms.xlsx", xlsx(new Object[0][])), "工作表是空的");
		assertRefused(api.upload("rooms.xlsx", xlsx(header(), new Object[0])), "只有表头");
		Object[] wrong = header();
		wrong[ImportColumn.ENTRANCE.ordinal()] = "单元号";
		assertRefused(api.upload("rooms.xlsx", xlsx(wrong, room(site.site().code(), "1", 1, 1, 1))),
				"表头与模板不一致：第 3 列（C 列）应为“单元”，实际为“单元号”");
		Object[] short_ = java.util.Arrays.copyOf(header(), ImportColumn.values().length - 1);
		assertRefused(api.upload("rooms.xlsx", xlsx(short_, room(site.site().code(), "1", 1, 1, 1))),
				"缺少第 19 列（S 列）“电话3”");

		assertThat(jobs()).isEqualTo(jobsBefore);
	}

	@Test
	void aFileOverTheLimitIsRefusedOnTheApiAndThePage() {
		SiteAndAdmin site = staff.site();
		TestUser clerk = clerkOf(site.site());
		byte[] big = new byte[30 * 1024 * 1024];

		HttpResponse<String> api = new ImportApi(port, clerk).upload("big.xlsx", big);
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.body()).contains("文件太大");

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(clerk.username(), clerk.password());
		page.get("/imports");
		HttpResponse<String> upload = page.postMultipart("/imports", "file", "big.xlsx", ImportApi.XLSX, big);
		assertThat(upload.statusCode()).isEqualTo(303);
		assertThat(upload.headers().firstValue("Location")).hasValue("/imports?uploadTooLarge");
		assertThat(page.get("/imports?uploadTooLarge").body()).contains("文件太大：单个文件不能超过 20 MB");
	}

	@Test
	void staffOfOneSiteCannotImportIntoAnother() {
		SiteAndAdmin mine = staff.site();
		SiteAndAdmin theirs = staff.site();
		ImportApi api = new ImportApi(port, clerkOf(mine.site()));

		JsonNode job = api.uploadAndCheck(xlsx(header(), room(theirs.site().code(), "1", 1, 1, 1)));

		assertThat(job.get("state").asString()).isEqualTo("INVALID");
		assertThat(job.get("problems").get(0).get("message").asString())
			.isEqualTo("项目编码“" + theirs.site().code() + "”不存在，或不是您负责的项目");
		assertThat(roomsOf(theirs.site())).isZero();
		assertThat(new ImportApi(port, clerkOf(theirs.site())).client()
			.get("/api/v1/imports/" + job.get("id").asLong())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void onlyAdministratorsClerksAndSiteManagersImport() {
		SiteAndAdmin site = staff.site();
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		ImportApi api = new ImportApi(port, agent);

		assertThat(api.upload("rooms.xlsx", xlsx(header(), room(site.site().code(), "1", 1, 1, 1))).statusCode())
			.isEqualTo(403);
		assertThat(api.client().get("/api/v1/imports/template.xlsx").statusCode()).isEqualTo(403);
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());
		assertThat(page.get("/imports").statusCode()).isEqualTo(403);
		assertThat(page.get("/").body()).doesNotContain("href=\"/imports\"");
		assertThat(roomsOf(site.site())).isZero();
	}

	@Test
	void thePagesCheckShowProgressAndConfirm() {
		SiteAndAdmin site = staff.site();
		TestUser manager = staff.user(EnumSet.of(Role.SITE_MANAGER), List.of(site.site().id()));
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(manager.username(), manager.password());
		assertThat(page.get("/").body()).contains("href=\"/imports\"");
		assertThat(page.get("/imports").body()).contains("下载导入模板", site.site().name());

		String badPage = uploadOnPage(page, "bad.xlsx", xlsx(header(), with(household(site.site().code(), "3", 1, 1, 1,
				"<script>alert(1)</script>", "王", "业主", null), ImportColumn.STATE, "<b>入住</b>")));
		new ImportApi(port, manager).settled(idOf(badPage));
		assertThat(page.get(badPage).body()).contains("发现 1 处问题", "入住状态“&lt;b&gt;入住&lt;/b&gt;”无效")
			.doesNotContain("<b>入住</b>");

		String jobPage = uploadOnPage(page, "<img src=x onerror=alert(1)>房间.xlsx", xlsx(header(),
				household(site.site().code(), "3", 1, 1, 1, "<script>alert(1)</script>", "王", "业主", null)));
		long id = idOf(jobPage);
		ImportApi api = new ImportApi(port, manager);
		api.settled(id);

		String ready = page.get(jobPage).body();
		assertThat(ready).contains("检查通过。1 行可导入：1 个楼栋（其中新建 1 个）、1 间房、1 户、1 人", "确认导入",
				"&lt;img src=x onerror=alert(1)&gt;房间.xlsx")
			.doesNotContain("<img src=x");
		assertThat(ready).doesNotContain("hx-trigger=\"every 1s\"");

		HttpResponse<String> confirmed = page.postForm("/imports/" + id + "/commit", Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(302);
		api.settled(id);
		assertThat(page.get(jobPage).body()).contains("导入完成：共 1 行");
		assertThat(page.get("/imports").body()).contains("已导入", "&lt;img src=x onerror=alert(1)&gt;房间.xlsx");
		assertThat(count("select count(*) from directory.household where site_id = :site", site.site())).isEqualTo(1);
	}

	@Test
	void aRunningJobPollsEverySecondUntilItIsOver() {
		SiteAndAdmin site = staff.site();
		TestUser clerk = clerkOf(site.site());
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(clerk.username(), clerk.password());
		long id = jdbc.sql("""
				insert into directory.import_job (account_id, uploaded_by, site_ids, filename, size, state, rows_total,
				       rows_validated, rows_written, created_at, updated_at)
				values (:account, '测试', :sites, 'big.xlsx', 1, 'COMMITTING', 1000, 1000, 250, now(), now()) returning id""")
			.param("account", clerk.user().accountId())
			.param("sites", clerk.user().sites())
			.query(Long.class)
			.single();

		String running = page.get("/imports/" + id).body();
		assertThat(running).contains("hx-trigger=\"every 1s\"", "hx-get=\"/imports/" + id + "\"", "width: 62%",
				"已复核 1,000 / 1,000 行，已写入 250 / 1,000 行");

		jdbc.sql("update directory.import_job set updated_at = now() - interval '10 minutes' where id = :id")
			.param("id", id)
			.update();
		String stale = page.get("/imports/" + id).body();
		assertThat(stale).doesNotContain("hx-trigger=\"every 1s\"").contains("导入任务中断");
	}

	@Test
	void theTemplateHasTheHeaderTheCheckExpects() {
		SiteAndAdmin site = staff.site();
		ImportApi api = new ImportApi(port, clerkOf(site.site()));
		HttpResponse<byte[]> template = api.client().getBytes("/api/v1/imports/template.xlsx");
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				d -> assertThat(d).contains("filename*=UTF-8''"));

		HttpResponse<String> headerOnly = api.upload("template.xlsx", template.body());
		assertThat(headerOnly.statusCode()).isEqualTo(400);
		assertThat(headerOnly.body()).contains("只有表头");
	}

	/** Uploads a file through the page's form and returns the job page it leads to. */
	private static String uploadOnPage(HttpTestClient page, String filename, byte[] content) {
		HttpResponse<String> upload = page.postMultipart("/imports", "file", filename, ImportApi.XLSX, content);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
		return upload.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private static long idOf(String jobPage) {
		return Long.parseLong(jobPage.substring(jobPage.lastIndexOf('/') + 1));
	}

	private TestUser clerkOf(SiteSummary site) {
		return staff.user(EnumSet.of(Role.CLERK), List.of(site.id()));
	}

	private long roomsOf(SiteSummary site) {
		return count("select count(*) from directory.room where site_id = :site", site);
	}

	private long count(String sql, SiteSummary site) {
		return jdbc.sql(sql).param("site", site.id()).query(Long.class).single();
	}

	private long jobs() {
		return jdbc.sql("select count(*) from directory.import_job").query(Long.class).single();
	}

	private static void assertRefused(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(ImportApi.json(response).get("detail").asString()).contains(message);
	}

	private static byte[] zipWithout() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
