package io.kefu.directory.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import io.kefu.web.Downloads;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.kefu.directory.imports.ImportFiles.Formula;
import static io.kefu.directory.imports.ImportFiles.header;
import static io.kefu.directory.imports.ImportFiles.household;
import static io.kefu.directory.imports.ImportFiles.with;
import static io.kefu.directory.imports.ImportFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

@KefuIntegrationTest
class HouseholdExportTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Test
	void formulaLikeCellsAreImportedAsTextAndExportedEscaped() throws IOException {
		SiteAndAdmin site = staff.site();
		String code = site.site().code();
		ImportApi api = new ImportApi(port, site.admin());
		importDone(api, xlsx(header(),
				household(code, "1", 1, 1, 1, "=HYPERLINK(\"http://evil\",\"点我\")", "+王", "业主", "13812345678"),
				household(code, "1", 1, 1, 2, "-1+2", "@SUM(1)", "业主", null),
				with(household(code, "1", 1, 1, 3, "公式", "普通", "业主", null), ImportColumn.HOUSEHOLD,
						new Formula("1+1"))));

		List<List<Cell>> rows = read(api.client().getBytes("/api/v1/households/export.xlsx?site=" + site.site().id()));

		assertThat(rows.get(0)).extracting(Cell::getText).startsWith("项目", "户名", "入住状态");
		List<List<Cell>> households = rows.subList(1, rows.size());
		assertThat(households).extracting(row -> row.get(1).getText())
			.containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil\",\"点我\")", "'-1+2", "'=1+1");
		assertThat(households).extracting(row -> row.get(5).getText()).contains("'+王", "'@SUM(1)", "普通");
		assertThat(rows).flatExtracting(row -> row)
			.filteredOn(java.util.Objects::nonNull)
			.allSatisfy(cell -> assertThat(cell.getType()).isIn(CellType.STRING, CellType.EMPTY));
	}

	@Test
	void theExportHoldsOnlyTheCallersSitesAndMasksPhonesForRolesWithoutPersonalData() throws IOException {
		SiteAndAdmin mine = staff.site();
		SiteAndAdmin theirs = staff.site();
		importDone(new ImportApi(port, mine.admin()), xlsx(header(),
				household(mine.site().code(), "1", 1, 1, 1, "我的业户", "甲", "业主", "13812345678")));
		importDone(new ImportApi(port, theirs.admin()), xlsx(header(),
				household(theirs.site().code(), "1", 1, 1, 1, "别人的业户", "乙", "业主", "13987654321")));
		TestUser clerk = staff.user(EnumSet.of(Role.CLERK), List.of(mine.site().id()));
		TestUser technician = staff.user(EnumSet.of(Role.TECHNICIAN), List.of(mine.site().id()));

		String all = text(read(new ImportApi(port, clerk).client().getBytes("/api/v1/households/export.xlsx")));
		assertThat(all).contains("我的业户", "13812345678").doesNotContain("别人的业户", "13987654321", "乙");
		assertThat(new ImportApi(port, clerk).client()
			.get("/api/v1/households/export.xlsx?site=" + theirs.site().id())
			.statusCode()).isEqualTo(404);

		String masked = text(read(new ImportApi(port, technician).client().getBytes("/api/v1/households/export.xlsx")));
		assertThat(masked).contains("我的业户", "138****5678").doesNotContain("13812345678");

		HttpTestClient page = new HttpTestClient(port);
		page.signIn(clerk.username(), clerk.password());
		HttpResponse<byte[]> download = page.getBytes("/households/export.xlsx?site=" + mine.site().id());
		assertThat(download.headers().firstValue("Content-Type")).hasValue(Downloads.XLSX);
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).startsWith("attachment;").contains(".xlsx"));
		assertThat(text(read(download))).contains("我的业户").doesNotContain("别人的业户");
	}

	private static List<List<Cell>> read(HttpResponse<byte[]> response) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		List<List<Cell>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<Cell> cells = new ArrayList<>();
				row.forEach(cells::add);
				rows.add(cells);
			}
		}
		return rows;
	}

	private static String text(List<List<Cell>> rows) {
		StringBuilder text = new StringBuilder();
		rows.forEach(row -> row.forEach(cell -> text.append(cell == null ? "" : cell.getText()).append('\t')));
		return text.toString();
	}

	/** Imports a file through the API and checks that it went through. */
	private static void importDone(ImportApi api, byte[] file) {
		long id = api.uploadAndCheck(file).get("id").asLong();
		assertThat(api.commit(id).get("state").asString()).isEqualTo("DONE");
	}
}
