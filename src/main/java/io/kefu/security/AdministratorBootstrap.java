package io.kefu.security;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;

import io.kefu.security.domain.AccountRepository;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, creates the administrator {@code admin} with a random password
 * printed once to the console. Started with {@code --kefu.reset-admin-password}, sets a
 * new random password for {@code admin}, prints it and exits.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	static final String RESET_OPTION = "kefu.reset-admin-password";

	private final AccountRepository accounts;

	private final AccountManagement management;

	private final ConfigurableApplicationContext context;

	private final PrintStream console = System.out;

	AdministratorBootstrap(AccountRepository accounts, AccountManagement management,
			ConfigurableApplicationContext context) {
		this.accounts = accounts;
		this.management = management;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(RESET_OPTION)) {
			String password = management.resetPassword(ADMIN).orElseGet(() -> createAdministrator().password());
			announce("New password for the administrator", password);
			System.exit(SpringApplication.exit(context, () -> 0));
		}
		if (accounts.isEmpty()) {
			announce("Kefu created its administrator", createAdministrator().password());
		}
	}

	private AccountManagement.NewAccount createAdministrator() {
		return management.createAccount(ADMIN, "系统管理员", EnumSet.of(Role.ADMINISTRATOR), List.of());
	}

	private void announce(String headline, String password) {
		String line = "=".repeat(72);
		console.println(line);
		console.println("  " + headline + " (shown only this once):");
		console.println("    username: " + ADMIN);
		console.println("    password: " + password);
		console.println("  Forgot it? Stop Kefu and run:  mvn -q spring-boot:run -Dspring-boot.run.arguments=--"
				+ RESET_OPTION);
		console.println(line);
	}
}
