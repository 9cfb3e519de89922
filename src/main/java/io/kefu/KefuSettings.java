package io.kefu;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kefu keeps its files and how the embedded database listens.
 *
 * @param dataDir  the folder for the embedded database and its lock
 * @param database the embedded database: its port ({@code 0} picks a free one) and where
 *                 its binaries are unpacked (default {@code <data-dir>/binaries})
 */
@ConfigurationProperties("kefu")
public record KefuSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Database database) {

	public record Database(@DefaultValue("15432") int port, Path binariesDir) {
	}

	public Path binariesDir() {
		return database.binariesDir() != null ? database.binariesDir() : dataDir.resolve("binaries");
	}
}
