package io.kefu.request.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.kefu.Browser;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.FieldWork;
import io.kefu.request.ServiceRequestQueries;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician on a phone-sized screen accepts a job, arrives, and completes it with
 * the customer's signature drawn on the screen; the dispatch slip prints on one page.
 */
@KefuIntegrationTest
class JobBrowserTests {

	private static final Pattern PDF_PAGE = Pattern.compile("/Type\\s*/Page[^s]");

	private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)\\s*\\]");

	@LocalServerPort
	int port;

	@Autowired
	RequestMother mother;

	@Autowired
	FieldWork work;

	@Autowired
	ServiceRequestQueries queries;

	@Test
	void aTechnicianCompletesAJobWithTheCustomersSignatureOnThePhone() throws Exception {
		FieldSite site = mother.fieldSite();
		TestUser agent = site.agent();
		TestUser technician = site.technician();
		long id = mother.dispatched(site, RequestType.REPAIR, "渗漏水", Priority.URGENT,
				"卫生间天花板漏水，楼上卫生间地漏附近渗水，滴到客厅", Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));
		String number = queries.details(agent.user(), id).number();

		try (Browser browser = new Browser(port, 400)) {
			ChromeDriver chrome = (ChromeDriver) browser.driver();
			// Headless Chromium keeps windows at least 500 px wide; a phone is emulated instead.
			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 400, "height", 800, "deviceScaleFactor", 2, "mobile", true));
			browser.signIn(technician.username(), technician.password());
			browser.open("/jobs");
			browser.screenshot(Path.of("target/screenshots/job-list-phone.png"));
			browser.find(By.cssSelector("a.job-card[data-number='" + number + "']")).click();
			assertThat(browser.find(By.id("job-number")).getText()).isEqualTo(number);

			browser.find(By.id("accept")).click();
			browser.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "已接单"));
			browser.find(By.id("findings")).sendKeys("地漏密封圈老化");
			browser.find(By.id("arrive")).click();
			browser.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "处理中"));

			browser.find(By.id("result")).sendKeys("更换地漏密封圈，试水无渗漏");
			browser.find(By.id("confirmedBy")).sendKeys("李女士");
			WebElement pad = browser.find(By.id("signature-pad"));
			assertThat(pad.getSize().getWidth()).as("full width").isGreaterThan(320);
			browser.sign(pad);
			browser.waitFor(ExpectedConditions.attributeContains(pad, "class", "signed"));
			browser.screenshot(Path.of("target/screenshots/job-phone.png"));

			browser.find(By.id("complete")).click();
			browser.waitFor(ExpectedConditions.textToBe(By.id("job-status"), "已完工"));
			assertThat(browser.find(By.id("job-confirmed-by")).getText()).isEqualTo("李女士");
			assertThat(browser.find(By.id("signature-image")).getAttribute("naturalWidth")).isNotEqualTo("0");
			browser.screenshot(Path.of("target/screenshots/job-phone-completed.png"));

			ServiceRequestDetails done = queries.details(agent.user(), id);
			assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
			assertThat(done.work().findings()).isEqualTo("地漏密封圈老化");
			assertThat(inkIn(work.signature(agent.user(), id))).as("dark pixels drawn").isGreaterThan(200);

			chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 900, "height", 1300, "deviceScaleFactor", 1, "mobile", false));
			browser.open("/requests/" + id + "/slip");
			assertThat(browser.find(By.id("slip-number")).getText()).isEqualTo(number);
			browser.screenshot(Path.of("target/screenshots/dispatch-slip.png"));
			printsOnOnePage(browser, "A4", 595, 842, 210 - 24, 297 - 24);

			browser.find(By.id("paper-A5")).click();
			browser.find(By.cssSelector("#slip.slip-A5"));
			printsOnOnePage(browser, "A5", 420, 595, 148 - 16, 210 - 16);
		}
	}

	/**
	 * Prints the slip as Chromium would (its {@code @page} size, one sheet), keeps the PDF,
	 * and shows the print media on a screen as large as the printable part of the sheet.
	 */
	private static void printsOnOnePage(Browser browser, String paper, int widthPt, int heightPt, int printableWidthMm,
			int printableHeightMm) throws Exception {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		Map<String, Object> printed = chrome.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true));
		byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
		Files.write(Path.of("target/screenshots/dispatch-slip-" + paper + ".pdf"), pdf);
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(PDF_PAGE.matcher(text).results().count()).as(paper + " pages").isEqualTo(1);
		Matcher box = MEDIA_BOX.matcher(text);
		assertThat(box.find()).as(paper + " media box").isTrue();
		assertThat(Math.round(Double.parseDouble(box.group(1)))).as(paper + " width").isEqualTo(widthPt);
		assertThat(Math.round(Double.parseDouble(box.group(2)))).as(paper + " height").isEqualTo(heightPt);

		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", printableWidthMm * 96 * 10 / 254,
				"height", printableHeightMm * 96 * 10 / 254, "deviceScaleFactor", 1, "mobile", false));
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(chrome.findElement(By.cssSelector("nav")).isDisplayed()).isFalse();
		assertThat(chrome.findElement(By.id("print")).isDisplayed()).isFalse();
		browser.screenshot(Path.of("target/screenshots/dispatch-slip-" + paper + "-print.png"));
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 900, "height", 1300, "deviceScaleFactor", 1, "mobile", false));
	}

	private static int inkIn(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int dark = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				int rgb = image.getRGB(x, y);
				boolean opaque = (rgb >>> 24) > 128;
				int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
				if (opaque && grey < 100) {
					dark++;
				}
			}
		}
		return dark;
	}
}
