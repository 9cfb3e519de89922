package io.kefu.standard.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the national holiday schedules Kefu ships ({@code standard/national-holidays.csv})
 * at every start. Dates already known are left alone, so an administrator's import is
 * never overwritten and several instances may start at once.
 */
@Component
class NationalSchedule implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(NationalSchedule.class);

	static final String FILE = "/standard/national-holidays.csv";

	private final Calendars calendars;

	NationalSchedule(Calendars calendars) {
		this.calendars = calendars;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (InputStream in = NationalSchedule.class.getResourceAsStream(FILE)) {
			HolidayFile.Parsed parsed = HolidayFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			if (!parsed.problems().isEmpty()) {
				throw new IllegalStateException(FILE + " is broken: " + parsed.problems());
			}
			int added = calendars.addNational(parsed.exceptions());
			if (added > 0) {
				log.info("Loaded {} dates of the national holiday schedule", added);
			}
		}
	}
}
