package io.kefu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 15 server that Kefu starts itself when no external database is
 * configured. Its data lives in {@code <data-dir>/postgres} and survives restarts;
 * {@code fsync} and {@code synchronous_commit} are on so that an acknowledged write
 * survives a crash.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String MAJOR_VERSION = "15";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final FileChannel lockChannel;
	private final FileLock lock;
	private final EmbeddedPostgres postgres;
	private final Path directory;

	private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres, Path directory) {
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
		this.directory = directory;
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
					.setPGStartupWait(Duration.ofSeconds(60))
					.start();
				log.info("Embedded PostgreSQL {} serves {} on port {}", MAJOR_VERSION, directory, postgres.getPort());
				return new EmbeddedDatabase(channel, lock, postgres, directory);
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
		process.destroy();
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
