package io.kefu.standard.clock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.kefu.standard.CalendarMother;
import io.kefu.standard.CalendarModel;
import io.kefu.standard.Target;
import io.kefu.standard.TargetUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockTimesTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final CalendarModel office = CalendarMother.office("08:00-12:00,13:00-17:00");

	@Test
	void aBusinessTargetWarnsAtItsShareOfTheWorkingTime() {
		// Tuesday 2026-11-24 16:00, 2 business hours: 16:00-17:00 and 08:00-09:00 on Wednesday.
		ClockTimes times = ClockTimes.start(at("2026-11-24T16:00"), new Target(2, TargetUnit.BUSINESS_HOURS), null, 75,
				office);
		assertThat(times.dueAt()).isEqualTo(at("2026-11-25T09:00"));
		assertThat(times.warnAt()).as("90 of 120 working minutes").isEqualTo(at("2026-11-25T08:30"));
	}

	@Test
	void aCalendarTargetWarnsOnTheClock() {
		ClockTimes times = ClockTimes.start(at("2026-11-24T16:00"), new Target(48, TargetUnit.CALENDAR_HOURS), null, 50,
				office);
		assertThat(times.dueAt()).isEqualTo(at("2026-11-26T16:00"));
		assertThat(times.warnAt()).isEqualTo(at("2026-11-25T16:00"));
	}

	@Test
	void anAgreedTimeIsTheDueTime() {
		ClockTimes times = ClockTimes.start(at("2026-11-24T10:00"), new Target(30, TargetUnit.BUSINESS_MINUTES),
				at("2026-11-24T14:00"), 80, office);
		assertThat(times.dueAt()).isEqualTo(at("2026-11-24T14:00"));
		assertThat(times.warnAt()).as("80% of the three working hours").isEqualTo(at("2026-11-24T13:24"));
	}

	@Test
	void anAgreedTimeAlreadyPastIsDueAtOnce() {
		ClockTimes times = ClockTimes.start(at("2026-11-24T10:00"), new Target(30, TargetUnit.BUSINESS_MINUTES),
				at("2026-11-24T09:00"), 80, office);
		assertThat(times.warnAt()).isEqualTo(times.dueAt()).isEqualTo(at("2026-11-24T09:00"));
	}

	@Test
	void theWorkingTimeOfAPauseMovesTheClockOn() {
		ClockTimes times = ClockTimes.start(at("2026-11-24T09:00"), new Target(4, TargetUnit.BUSINESS_HOURS), null, 50,
				office);
		assertThat(times.dueAt()).isEqualTo(at("2026-11-24T14:00"));
		// Paused on Tuesday at 10:00, resumed on Friday at 16:00: 29 working hours on hold.
		ClockTimes resumed = times.resumed(at("2026-11-24T10:00"), at("2026-11-27T16:00"), true, office);
		assertThat(resumed.warnAt()).as("11:00 plus 29 working hours").isEqualTo(at("2026-11-27T17:00"));
		assertThat(resumed.dueAt()).as("14:00 plus 29 working hours").isEqualTo(at("2026-11-30T10:00"));
	}

	@Test
	void aPauseOutsideWorkingHoursMovesNothing() {
		ClockTimes times = ClockTimes.start(at("2026-11-24T16:00"), new Target(1, TargetUnit.BUSINESS_DAYS), null, 80,
				office);
		ClockTimes resumed = times.resumed(at("2026-11-24T18:00"), at("2026-11-25T07:30"), true, office);
		assertThat(resumed).isEqualTo(times);
	}

	@Test
	void aCalendarTargetIsMovedOnByThePauseItself() {
		ClockTimes times = ClockTimes.start(at("2026-11-24T09:00"), new Target(2, TargetUnit.CALENDAR_HOURS), null, 50,
				office);
		ClockTimes resumed = times.resumed(at("2026-11-24T09:30"), at("2026-11-24T21:30"), false, office);
		assertThat(resumed.warnAt()).isEqualTo(at("2026-11-24T22:00"));
		assertThat(resumed.dueAt()).isEqualTo(at("2026-11-24T23:00"));
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}
}
