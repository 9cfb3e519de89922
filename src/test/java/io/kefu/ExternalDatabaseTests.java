package io.kefu;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With {@code spring.datasource.url} set, Kefu starts no database of its own and migrates the one named. */
class ExternalDatabaseTests {

	@TempDir
	Path serverDir;

	@Test
	void migratesTheExternalDatabaseInsteadOfStartingItsOwn() throws Exception {
		try (EmbeddedDatabase server = EmbeddedDatabase.start(serverDir, Path.of("target/test-data/binaries"), 0)) {
			try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
					Statement statement = admin.createStatement()) {
				statement.execute("create database kefu_external");
			}
			String url = "jdbc:postgresql://localhost:" + server.port() + "/kefu_external";
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong"))
				.as("the embedded server asks for its password").isInstanceOf(SQLException.class);
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KefuApplication.class)
				.profiles("test")
				.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--spring.datasource.password=" + server.password())) {
				assertThat(app.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
			}
			try (Connection kefu = DriverManager.getConnection(url, "postgres", server.password())) {
				assertThat(count(kefu, "select count(*) from security.account")).isEqualTo(1);
				assertThat(count(kefu, "select count(*) from directory.flyway_schema_history where success")).isPositive();
				assertThat(count(kefu, "select count(*) from security.flyway_schema_history where success")).isPositive();
			}
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
