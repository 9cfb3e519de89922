package io.kefu.directory.imports;

import java.nio.file.Files;
import java.nio.file.Path;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: sign in, import a small Excel file through the pages, then
 * find an imported household by the last four digits of a phone.
 */
@KefuIntegrationTest
class ImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@TempDir
	Path files;

	@Test
	void signInImportAndFindByTheLastFourDigits() throws Exception {
		SiteAndAdmin site = staff.site();
		String code = site.site().code();
		Path file = files.resolve("业户导入.xlsx");
		Files.write(file, ImportFiles.xlsx(ImportFiles.header(),
				ImportFiles.household(code, "21", 1, 1, 1, "周家", "周杰", "业主", "13966667777"),
				ImportFiles.household(code, "21", 1, 1, 2, "吴家", "吴敏", "租户", "13511112222"),
				ImportFiles.room(code, "21", 1, 2, 1)));

		try (Browser browser = new Browser(port, 1280)) {
			browser.signIn(site.admin().username(), site.admin().password());
			browser.open("/imports");
			browser.find(By.id("import-file")).sendKeys(file.toString());
			browser.driver().findElement(By.cssSelector("#upload-form button[type=submit]")).click();

			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("import-job"), "3"));
			browser.screenshot(Path.of("target/screenshots/import-preview.png"));
			browser.find(By.cssSelector("#import-job form button[type=submit]")).click();
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("import-job"), "导入完成"));

			browser.open("/households");
			browser.find(By.id("household-search")).sendKeys("7777");
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"), "周家"));
			assertThat(browser.driver().findElement(By.id("search-results")).getText()).contains("21#1-1-1")
				.doesNotContain("吴家");
			browser.screenshot(Path.of("target/screenshots/import-then-search.png"));
		}
	}
}
