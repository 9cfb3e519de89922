package io.kefu;

import java.util.List;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates each module's schema from its own folder {@code db/migration/<module>},
 * with the module's own history table, in dependency order. Spring Modulith's
 * module-aware Flyway ({@code spring.modulith.runtime.flyway-enabled}) does the same
 * but has an open validation bug (spring-modulith#1440); these few lines are ours.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	/** Modules that own tables, each after the modules it depends on. */
	static final List<String> MODULES = List.of("security", "directory", "request", "standard", "callback", "survey",
			"script", "knowledge", "report");

	@Bean
	FlywayMigrationStrategy moduleMigrationStrategy() {
		return flyway -> {
			flyway.migrate();
			for (String module : MODULES) {
				Flyway.configure()
					.configuration(flyway.getConfiguration())
					.schemas(module)
					.defaultSchema(module)
					.locations("classpath:db/migration/" + module)
					.load()
					.migrate();
			}
		};
	}
}
