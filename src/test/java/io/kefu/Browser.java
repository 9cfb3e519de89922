package io.kefu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (their versions
 * always match), with a throw-away profile.
 */
public final class Browser implements AutoCloseable {

	private static final int MIN_WINDOW_WIDTH = 500;

	private final Path profile;

	private final ChromeDriver driver;

	private final String base;

	public Browser(int port, int width) throws IOException {
		this.base = "http://localhost:" + port;
		this.profile = Files.createTempDirectory("kefu-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + ",900",
				"--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		if (width < MIN_WINDOW_WIDTH) {
			// Chromium keeps a window at least 500 px wide; a phone's width has to be emulated.
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void signIn(String username, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("sign-in")).click();
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	public WebElement find(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
	}

	/**
	 * Headless Chromium's viewport is shorter than its window and Bootstrap scrolls
	 * smoothly, so chromedriver may click where the element has not arrived yet:
	 * scroll at once first, as a thumb would.
	 */
	public void click(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	/** A signature of three strokes on a signature pad, drawn with pointer moves as a finger would. */
	public void sign(WebElement pad) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", pad);
		int left = -pad.getSize().getWidth() / 2 + 30;
		Actions hand = new Actions(driver);
		hand.moveToElement(pad, left, 20).clickAndHold();
		for (int i = 1; i <= 12; i++) {
			hand.moveByOffset(10, (i % 2 == 0 ? -1 : 1) * 35);
		}
		hand.release();
		hand.moveToElement(pad, left + 150, -40).clickAndHold();
		for (int i = 1; i <= 8; i++) {
			hand.moveByOffset(8, 10);
		}
		hand.release();
		hand.moveToElement(pad, left + 40, 50).clickAndHold().moveByOffset(200, -10).release();
		hand.perform();
	}

	/** Waits until the chart's canvas inside this element has more than a thousand pixels painted. */
	public void waitForChart(String elementId) {
		WebElement canvas = find(By.cssSelector("#" + elementId + " canvas"));
		waitFor(d -> ((Number) driver.executeScript("""
				const c = arguments[0];
				const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				let painted = 0;
				for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
				return painted;""", canvas)).longValue() > 1000);
	}

	public void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
