package io.kefu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 15 server that Kefu starts itself when no external database is
 * configured. Its data lives in {@code <data-dir>/postgres} and survives restarts;
 * {@code fsync} and {@code synchronous_commit} are on so that an acknowledged write
 * survives a crash. Every connection needs the password kept in
 * {@code <data-dir>/postgres-password} (readable by its owner only).
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String MAJOR_VERSION = "15";

	static final String PASSWORD_FILE = "postgres-password";

	private static final String HBA_MARKER = "# Kefu: password required";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final FileChannel lockChannel;
	private final FileLock lock;
	private final EmbeddedPostgres postgres;
	private final Path directory;

	private final String password;

	private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres, Path directory,
			String password) {
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
		this.directory = directory;
		this.password = password;
	}

	public static EmbeddedDatabase start(Path dataDir, Path binariesDir, int port) {
		Path root = dataDir.toAbsolutePath().normalize();
		Path directory = root.resolve("postgres");
		try {
			Files.createDirectories(root);
			FileChannel channel = FileChannel.open(root.resolve("kefu.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				channel.close();
				throw new EmbeddedDatabaseException("Another Kefu instance is already using the data directory " + root
						+ ". Stop it first, or start this one with a different --kefu.data-dir.");
			}
			try {
				refuseOtherMajorVersion(directory);
				stopOrphanedServer(directory);
				Path passwordFile = root.resolve(PASSWORD_FILE);
				String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip()
						: writePassword(passwordFile);
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(directory)
					.setCleanDataDirectory(false)
					.setRegisterShutdownHook(false)
					.setOverrideWorkingDirectory(binariesDir.toAbsolutePath().toFile())
					.setPort(port == 0 ? freePort() : port)
					.setLocaleConfig("locale", "C.UTF-8")
					.setLocaleConfig("encoding", "UTF8")
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on")
					.setServerConfig("listen_addresses", "localhost")
					.setServerConfig("max_connections", "100")
					.setConnectConfig("password", password)
					.setPGStartupWait(Duration.ofSeconds(60))
					.start();
				requirePassword(postgres, directory, password);
				log.info("Embedded PostgreSQL {} serves {} on port {}", MAJOR_VERSION, directory, postgres.getPort());
				return new EmbeddedDatabase(channel, lock, postgres, directory, password);
			}
			catch (RuntimeException | IOException ex) {
				lock.release();
				channel.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	public String password() {
		return password;
	}

	public int port() {
		return postgres.getPort();
	}

	public Path directory() {
		return directory;
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close();
		}
		finally {
			lock.release();
			lockChannel.close();
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static void refuseOtherMajorVersion(Path directory) throws IOException {
		Path versionFile = directory.resolve("PG_VERSION");
		if (Files.exists(versionFile)) {
			String version = Files.readString(versionFile).trim();
			if (!MAJOR_VERSION.equals(version)) {
				throw new EmbeddedDatabaseException("The data directory " + directory + " was created by PostgreSQL "
						+ version + ", but Kefu embeds PostgreSQL " + MAJOR_VERSION
						+ ". Move it aside and restore a pg_dump backup, or point KEFU_DB_URL at a PostgreSQL "
						+ version + " server.");
			}
		}
	}

	private static String writePassword(Path file) throws IOException {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = HexFormat.of().formatHex(random);
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(temporary, password);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	/**
	 * initdb trusts every local connection; on the first start (or the first after an
	 * interrupted one) the superuser gets the password and pg_hba.conf asks for it.
	 */
	private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password)
			throws IOException {
		Path hba = directory.resolve("pg_hba.conf");
		if (Files.readString(hba).startsWith(HBA_MARKER)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase(Map.of("password", password)).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role postgres password '" + password + "'");
			Files.writeString(hba, HBA_MARKER + " (see " + PASSWORD_FILE + " in the data directory)\n"
					+ "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
					+ "host all all ::1/128 scram-sha-256\n");
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set the embedded PostgreSQL's password", ex);
		}
	}

	/**
	 * After a {@code kill -9} of the JVM the postmaster it started keeps running. We
	 * hold the data directory's lock, so no live Kefu owns that server: stop it.
	 */
	private static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> orphan = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::trim)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle process = orphan.get();
		log.warn("Stopping PostgreSQL (pid {}) left running by a Kefu that did not shut down cleanly", process.pid());
		// SIGINT is PostgreSQL's fast shutdown: it does not wait for clients still connected.
		new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start();
		try {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public static class EmbeddedDatabaseException extends IllegalStateException {

		EmbeddedDatabaseException(String message) {
			super(message);
		}
	}
}
