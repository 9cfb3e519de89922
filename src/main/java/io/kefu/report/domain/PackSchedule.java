package io.kefu.report.domain;

import java.time.Clock;
import java.time.LocalDate;

import io.kefu.report.ReportPacks;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for the report packs that are due and makes them. The packs are rows, so a
 * restart loses nothing and a day Kefu did not run is caught up at the next check.
 */
@Component
class PackSchedule {

	private final ReportPacks packs;

	private final Clock clock;

	PackSchedule(ReportPacks packs, Clock clock) {
		this.packs = packs;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kefu.report.pack-check-every:PT10M}",
			initialDelayString = "${kefu.report.pack-check-every:PT10M}")
	void makeDuePacks() {
		packs.generateDue(LocalDate.now(clock));
	}
}
