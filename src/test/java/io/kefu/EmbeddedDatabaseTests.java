package io.kefu;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kefu.EmbeddedDatabase.EmbeddedDatabaseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kefu as people run it: a separate JVM on its own data directory, stopped cleanly,
 * killed with {@code kill -9}, started twice, or pointed at a data directory of
 * another PostgreSQL major version.
 */
class EmbeddedDatabaseTests {

	private static final Path ROOT = Path.of("target", "process-tests");

	/** Shared with the Spring tests so that the binaries are unpacked once. */
	private static final Path BINARIES = Path.of("target", "test-data", "binaries");

	private static final Duration START_DEADLINE = Duration.ofSeconds(90);

	private static final Pattern ADMIN_PASSWORD = Pattern.compile("^    password: (\\S+)$", Pattern.MULTILINE);

	private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL 15 serves .* on port (\\d+)");

	private final List<Kefu> started = new ArrayList<>();

	private final Path dataDir = ROOT.resolve(UUID.randomUUID().toString()).toAbsolutePath();

	@AfterEach
	void stopEverythingStarted() throws IOException {
		started.forEach(Kefu::kill);
		stopOrphanedPostgres(dataDir);
		deleteRecursively(dataDir);
	}

	@Test
	void dataSurvivesACleanRestartAndASecondInstanceIsRefused() throws Exception {
		Kefu first = start();
		String password = first.adminPassword();
		createSite(first, password, "RS01");

		try (Connection connection = first.database(dataDir); Statement statement = connection.createStatement()) {
			assertThat(show(statement, "fsync")).isEqualTo("on");
			assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
			assertThat(show(statement, "full_page_writes")).isEqualTo("on");
		}

		long secondStarted = System.nanoTime();
		Kefu second = launch();
		assertThat(second.process.waitFor(45, TimeUnit.SECONDS)).as("second instance exits by itself").isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - secondStarted)).isLessThan(Duration.ofSeconds(45));
		assertThat(second.process.exitValue()).isNotZero();
		assertThat(second.output()).contains("Another Kefu instance is already using the data directory");
		assertThat(get(first, password, "/api/v1/sites").statusCode()).as("the first one still serves").isEqualTo(200);

		first.stop();
		assertThat(first.process.exitValue()).isIn(0, 143);
		assertThat(first.output()).doesNotContain("ERROR");
		assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL stopped with Kefu").doesNotExist();

		Kefu again = start();
		assertThat(again.output()).as("no new administrator on restart").doesNotContainPattern(ADMIN_PASSWORD);
		assertThat(get(again, password, "/api/v1/sites").body()).contains("RS01");
	}

	@Test
	void afterKillMinus9TheNextStartRecoversByItself() throws Exception {
		Kefu first = start();
		String password = first.adminPassword();
		createSite(first, password, "KL01");

		first.process.destroyForcibly();
		assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(postmaster(dataDir)).as("PostgreSQL outlives a killed JVM").isPresent();

		Kefu again = start();
		assertThat(again.output()).contains("left running by a Kefu that did not shut down cleanly");
		assertThat(get(again, password, "/api/v1/sites").body()).contains("KL01");
	}

	@Test
	void theAdministratorsPasswordIsResetFromTheCommandLine() throws Exception {
		Kefu first = start();
		String old = first.adminPassword();
		first.stop();

		Kefu reset = launch("--kefu.reset-admin-password");
		assertThat(reset.process.waitFor(60, TimeUnit.SECONDS)).as("the reset run exits by itself").isTrue();
		assertThat(reset.process.exitValue()).isZero();
		assertThat(reset.output()).contains("New password for the administrator");
		String fresh = reset.adminPassword();
		assertThat(fresh).isNotEqualTo(old);

		Kefu again = start();
		assertThat(get(again, old, "/api/v1/sites").statusCode()).isEqualTo(401);
		assertThat(get(again, fresh, "/api/v1/sites").statusCode()).isEqualTo(200);
	}

	@Test
	void aDataDirectoryOfAnotherMajorVersionIsRefusedAtOnce() throws IOException {
		Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(dataDir.resolve("postgres/PG_VERSION"), "17\n");

		for (int attempt = 0; attempt < 2; attempt++) {
			long begin = System.nanoTime();
			assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, BINARIES, 0).close())
				.isInstanceOf(EmbeddedDatabaseException.class)
				.hasMessageContaining("created by PostgreSQL 17")
				.hasMessageContaining("Kefu embeds PostgreSQL 15");
			// The second attempt sees the same message, so the first released the lock.
			assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(3));
		}
		assertThat(dataDir.resolve("postgres").toFile().list()).containsExactly("PG_VERSION");
	}

	// ---- the Kefu process

	private Kefu start() {
		Kefu kefu = launch();
		kefu.awaitHealthy();
		return kefu;
	}

	private Kefu launch(String... arguments) {
		int port = freePort();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + (started.size() + 1) + ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-cp", classPath, "io.kefu.KefuApplication", "--kefu.data-dir=" + dataDir,
				"--kefu.database.port=0", "--kefu.database.binaries-dir=" + BINARIES.toAbsolutePath(),
				"--server.port=" + port, "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.command().addAll(Arrays.asList(arguments));
		builder.environment().keySet().removeIf(name -> name.startsWith("KEFU_"));
		try {
			Files.createDirectories(ROOT);
			Kefu kefu = new Kefu(builder.start(), port, log);
			started.add(kefu);
			return kefu;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Kefu {

		final Process process;

		final int port;

		final Path log;

		Kefu(Process process, int port, Path log) {
			this.process = process;
			this.port = port;
			this.log = log;
		}

		void awaitHealthy() {
			await("Kefu healthy on port " + port, START_DEADLINE, () -> {
				if (!process.isAlive()) {
					throw new AssertionError("Kefu exited with " + process.exitValue() + ":\n" + output());
				}
				try {
					return new HttpTestClient(port).get("/actuator/health").statusCode() == 200;
				}
				catch (IllegalStateException notYetListening) {
					return false;
				}
			}, this);
		}

		String adminPassword() {
			Matcher matcher = ADMIN_PASSWORD.matcher(output());
			assertThat(matcher.find()).as("the administrator's password is printed on the first start").isTrue();
			return matcher.group(1);
		}

		Connection database(Path dataDir) throws SQLException, IOException {
			Matcher matcher = DATABASE_PORT.matcher(output());
			assertThat(matcher.find()).as("the embedded database's port is logged").isTrue();
			return DriverManager.getConnection("jdbc:postgresql://localhost:" + matcher.group(1) + "/postgres",
					"postgres", Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)));
		}

		/** Like a service manager's stop: SIGTERM, then wait for the shutdown. */
		void stop() throws InterruptedException {
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("Kefu stops on SIGTERM").isTrue();
		}

		void kill() {
			process.destroyForcibly();
			try {
				process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		String output() {
			try {
				return Files.readString(log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	// ---- helpers

	private static void createSite(Kefu kefu, String password, String code) {
		HttpResponse<String> created = new HttpTestClient(kefu.port).withBasic("admin", password)
			.postJson("/api/v1/sites",
					"{\"code\":\"" + code + "\",\"name\":\"测试小区" + code + "\",\"kind\":\"RESIDENTIAL\",\"address\":\"\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private static HttpResponse<String> get(Kefu kefu, String password, String path) {
		return new HttpTestClient(kefu.port).withBasic("admin", password).get(path);
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet rs = statement.executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static Optional<ProcessHandle> postmaster(Path dataDir) {
		Path pidFile = dataDir.resolve("postgres/postmaster.pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			String pid = Files.readAllLines(pidFile).get(0).trim();
			return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** A test that failed between {@code kill -9} and the next start leaves a postmaster behind. */
	private static void stopOrphanedPostgres(Path dataDir) {
		postmaster(dataDir).ifPresent(postgres -> {
			postgres.destroy();
			postgres.onExit().completeOnTimeout(postgres, 30, TimeUnit.SECONDS).join();
		});
	}

	/** The data directory only; the logs beside it stay for a look after a failure. */
	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static void await(String what, Duration deadline, Supplier<Boolean> condition, Kefu kefu) {
		long end = System.nanoTime() + deadline.toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("Timed out waiting for " + what + ":\n" + kefu.output());
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
