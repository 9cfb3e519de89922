package io.kefu.directory.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.kefu.directory.demo.DemoCompany.DemoStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code --kefu.demo=true}, loads the {@link DemoCompany} on start (once: a start
 * that finds it loaded adds nothing) and prints each demo staff member's 工号, role and
 * first password, one line each, that once. Runs after the administrator exists.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("kefu.demo")
class DemoCompanyRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCompanyRunner.class);

	private final DemoCompany demo;

	private final MessageSource messages;

	private final PrintStream console;

	@Autowired
	DemoCompanyRunner(DemoCompany demo, MessageSource messages) {
		this(demo, messages, System.out);
	}

	DemoCompanyRunner(DemoCompany demo, MessageSource messages, PrintStream console) {
		this.demo = demo;
		this.messages = messages;
		this.console = console;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Optional<List<DemoStaff>> loaded = demo.load();
		if (loaded.isEmpty()) {
			return;
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Demo company loaded in {} ms: sites {} and {}, {} staff", millis, DemoCompany.ESTATE,
				DemoCompany.TOWER, loaded.get().size());
		String line = "=".repeat(72);
		console.println(line);
		console.println("  Kefu loaded the demo company (" + DemoCompany.ESTATE + " 锦绣华庭, " + DemoCompany.TOWER
				+ " 恒信国际大厦). Demo staff passwords, shown only this once:");
		for (DemoStaff staff : loaded.get()) {
			console.println("    " + staff.staffNumber() + "  " + staff.role() + " ("
					+ messages.getMessage(staff.role().labelKey(), null, Locale.SIMPLIFIED_CHINESE) + ", " + staff.name()
					+ ")  password: " + staff.password());
		}
		console.println(line);
	}
}
