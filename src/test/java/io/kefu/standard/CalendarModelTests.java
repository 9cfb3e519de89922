package io.kefu.standard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.kefu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar engine on fixed instants, without Spring or a database. */
class CalendarModelTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** 2026-09-30 is a Wednesday, the last working day before National Day. */
	static final CalendarModel OFFICE = CalendarMother.office("08:00-12:00, 13:00-17:00");

	@Test
	void oneBusinessHourFrom1650IsDueAt0850TheNextWorkingDay() {
		assertThat(OFFICE.addBusinessTime(at("2026-11-23T16:50"), Duration.ofHours(1))).isEqualTo(at("2026-11-24T08:50"));
		assertThat(OFFICE.due(at("2026-11-27T16:50"), Target.businessHours(1)))
			.as("Friday afternoon runs over the weekend")
			.isEqualTo(at("2026-11-30T08:50"));
	}

	@Test
	void theLunchBreakIsNotCounted() {
		assertThat(OFFICE.addBusinessTime(at("2026-11-23T11:30"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T13:30"));
		assertThat(OFFICE.addBusinessTime(at("2026-11-23T12:15"), Duration.ofMinutes(30)))
			.as("started in the break, counted from 13:00")
			.isEqualTo(at("2026-11-23T13:30"));
		assertThat(OFFICE.addBusinessTime(at("2026-11-23T11:30"), Duration.ofMinutes(30)))
			.as("a target that ends with the period is due at its end")
			.isEqualTo(at("2026-11-23T12:00"));
	}

	@Test
	void threeBusinessDaysFromTheLastWorkingDayBeforeNationalDayCountTheMakeupSaturday() {
		DueTime due = OFFICE.explain(at("2026-09-30T16:00"), Target.businessDays(3));
		// 10-01..10-07 holiday, 10-08 (Thu) 1st, 10-09 (Fri) 2nd, 10-10 (Sat, 补班) 3rd
		assertThat(due.due()).isEqualTo(at("2026-10-10T16:00"));
		assertThat(due.steps()).extracting(DueStep::kind)
			.containsExactly(DueStep.Kind.HOLIDAY, DueStep.Kind.WORKING_DAY, DueStep.Kind.WORKING_DAY,
					DueStep.Kind.WORKING_DAY);
		assertThat(due.steps().get(0)).extracting(DueStep::from, DueStep::to, DueStep::name)
			.containsExactly(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07"), "国庆节");
		assertThat(due.steps().get(3).name()).isEqualTo("国庆节");
		assertThat(due.steps().get(3).times()).as("a make-up day works Monday's hours")
			.containsExactly("08:00–12:00", "13:00–17:00");

		assertThat(CalendarMother.office("08:00-12:00, 13:00-17:00", false).addBusinessDays(at("2026-09-30T16:00"), 3))
			.as("without the national schedule the holiday week is worked")
			.isEqualTo(at("2026-10-05T16:00"));
	}

	@Test
	void overSpringFestivalTheSaturdaysFourteenthAndTwentyEighthAreWorked() {
		// Fri 02-13 → Sat 02-14 (补班) is the first working day
		assertThat(OFFICE.addBusinessDays(at("2026-02-13T10:00"), 1)).isEqualTo(at("2026-02-14T10:00"));
		// Sat 02-14 → 02-15..02-23 holiday → Tue 02-24, 25, 26
		assertThat(OFFICE.addBusinessDays(at("2026-02-14T10:00"), 3)).isEqualTo(at("2026-02-26T10:00"));
		// Thu 02-26 → Fri 02-27, Sat 02-28 (补班), Mon 03-02
		assertThat(OFFICE.addBusinessDays(at("2026-02-26T10:00"), 2)).isEqualTo(at("2026-02-28T10:00"));
		assertThat(OFFICE.addBusinessDays(at("2026-02-26T10:00"), 3)).isEqualTo(at("2026-03-02T10:00"));
		assertThat(OFFICE.isWorkingTime(at("2026-02-14T09:00"))).isTrue();
		assertThat(OFFICE.isWorkingTime(at("2026-02-16T09:00"))).isFalse();
	}

	@Test
	void businessHoursRunOverTheHolidayAndIntoTheMakeupDay() {
		DueTime due = OFFICE.explain(at("2026-09-30T16:00"), Target.businessHours(18));
		// 1 h on 09-30, 8 h on 10-08, 8 h on 10-09, 1 h on 10-10
		assertThat(due.due()).isEqualTo(at("2026-10-10T09:00"));
		assertThat(due.steps()).extracting(DueStep::kind)
			.containsExactly(DueStep.Kind.WORKED, DueStep.Kind.HOLIDAY, DueStep.Kind.WORKED, DueStep.Kind.WORKED,
					DueStep.Kind.WORKED);
		assertThat(due.steps().get(0).times()).containsExactly("16:00–17:00");
		assertThat(due.steps().get(0).counted()).isEqualTo(Duration.ofHours(1));
		assertThat(due.steps().get(4).name()).isEqualTo("国庆节");
	}

	@Test
	void businessDaysAreClampedIntoTheWorkingHoursOfTheLastDay() {
		assertThat(OFFICE.addBusinessDays(at("2026-11-23T19:00"), 1)).isEqualTo(at("2026-11-24T17:00"));
		assertThat(OFFICE.addBusinessDays(at("2026-11-23T06:00"), 1)).isEqualTo(at("2026-11-24T08:00"));
		assertThat(OFFICE.addBusinessDays(at("2026-11-23T12:30"), 1)).isEqualTo(at("2026-11-24T12:00"));
	}

	@Test
	void calendarTimeIgnoresHolidaysAndTheTwentyFourHourCalendarIsCalendarTime() {
		Instant start = at("2026-09-30T16:00");
		assertThat(OFFICE.due(start, Target.calendarHours(48))).isEqualTo(at("2026-10-02T16:00"));
		assertThat(OFFICE.due(start, new Target(3, TargetUnit.CALENDAR_DAYS))).isEqualTo(at("2026-10-03T16:00"));
		CalendarModel always = CalendarModel.alwaysOpen(2, "24小时", ZONE);
		for (Target target : List.of(Target.businessHours(18), Target.businessDays(3),
				new Target(90, TargetUnit.BUSINESS_MINUTES))) {
			Target calendar = new Target(target.amount(), TargetUnit.valueOf(target.unit().name().replace("BUSINESS", "CALENDAR")));
			assertThat(always.due(start, target)).isEqualTo(OFFICE.due(start, calendar)).isEqualTo(always.due(start, calendar));
		}
		assertThat(always.isWorkingTime(at("2026-10-01T03:00"))).isTrue();
		assertThat(always.businessTimeBetween(start, at("2026-10-08T16:00"))).isEqualTo(Duration.ofDays(8));
	}

	@Test
	void businessTimeBetweenIsTheInverseOfAddBusinessTime() {
		Random random = new Random(20261123);
		Instant base = at("2025-01-01T00:00");
		for (int i = 0; i < 5_000; i++) {
			Instant start = base.plusSeconds(random.nextInt(2 * 365 * 24 * 3600));
			Duration target = Duration.ofMinutes(1 + random.nextInt(40 * 60)).plusSeconds(random.nextInt(60));
			Instant due = OFFICE.addBusinessTime(start, target);
			assertThat(OFFICE.businessTimeBetween(start, due)).as("%s + %s", start, target).isEqualTo(target);
			assertThat(OFFICE.isWorkingTime(due.minusNanos(1))).as("due %s ends working time", due).isTrue();
			assertThat(OFFICE.businessTimeBetween(due, start)).isEqualTo(target.negated());
		}
	}

	@Test
	void aNewVersionOfTheHoursLeavesEarlierDaysAlone() {
		Map<LocalDate, WeeklyHours> versions = Map.of(LocalDate.parse("2020-01-01"), CalendarMother.weekdays("08:00-12:00, 13:00-17:00"),
				LocalDate.parse("2027-01-01"), CalendarMother.weekdays("09:00-18:00"));
		CalendarModel model = CalendarModel.weekly(3, "v", ZONE, DayOfWeek.MONDAY, versions, List.of());
		assertThat(model.addBusinessTime(at("2026-12-31T16:50"), Duration.ofHours(1)))
			.as("the new hours apply from their first day on")
			.isEqualTo(at("2027-01-01T09:50"));
		assertThat(model.addBusinessTime(at("2026-12-30T16:50"), Duration.ofHours(1))).isEqualTo(at("2026-12-31T08:50"));
		assertThat(model.isWorkingTime(at("2026-12-31T12:30"))).isFalse();
		assertThat(model.isWorkingTime(at("2027-01-04T12:30"))).isTrue();
	}

	@Test
	void nextWorkingDayStartAndNextWorkingTimeSkipTheHoliday() {
		assertThat(OFFICE.nextWorkingDayStart(at("2026-09-30T10:00"))).isEqualTo(at("2026-10-08T08:00"));
		assertThat(OFFICE.nextWorkingTime(at("2026-09-30T10:00"))).isEqualTo(at("2026-09-30T10:00"));
		assertThat(OFFICE.nextWorkingTime(at("2026-09-30T12:10"))).isEqualTo(at("2026-09-30T13:00"));
		assertThat(OFFICE.nextWorkingTime(at("2026-09-30T17:00"))).isEqualTo(at("2026-10-08T08:00"));
	}

	@Test
	void badWeeklyHoursAreRefusedWithTheReason() {
		assertThatThrownBy(() -> CalendarMother.weekdays("08:00-12:00, 11:00-13:00")).isInstanceOf(InvalidInputException.class)
			.hasMessage("周一的时段 08:00-12:00 与 11:00-13:00 重叠");
		assertThatThrownBy(() -> CalendarMother.weekdays("12:00-08:00")).isInstanceOf(InvalidInputException.class)
			.hasMessage("周一的时段 12:00–08:00 结束时间不晚于开始时间");
		assertThatThrownBy(() -> WeeklyHours.parse(new EnumMap<>(DayOfWeek.class))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("每周至少要有一个工作时段");
		assertThatThrownBy(() -> CalendarMother.weekdays("8点到12点")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("格式不对");
		assertThatThrownBy(() -> CalendarMother.weekdays("08:00-24:30")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("无效");
		assertThat(CalendarMother.weekdays("00:00-24:00").weeklyMinutes()).isEqualTo(5 * 1440);
	}

	@Test
	void badTargetsAreRefused() {
		assertThatThrownBy(() -> Target.businessHours(0)).hasMessage("时限必须大于零");
		assertThatThrownBy(() -> new Target(-3, TargetUnit.CALENDAR_DAYS)).hasMessage("时限必须大于零");
		assertThatThrownBy(() -> new Target(11 * 366, TargetUnit.BUSINESS_DAYS)).hasMessage("时限不能超过十年");
	}

	@Test
	void aHundredThousandDueTimesTakeWellUnderASecond() {
		Random random = new Random(7);
		Instant base = at("2026-01-01T00:00");
		Target[] targets = { Target.businessHours(4), Target.businessDays(3), Target.calendarHours(48),
				new Target(30, TargetUnit.BUSINESS_MINUTES) };
		long started = System.nanoTime();
		long sum = 0;
		for (int i = 0; i < 100_000; i++) {
			sum += OFFICE.due(base.plusSeconds(random.nextInt(365 * 24 * 3600)), targets[i % targets.length]).getEpochSecond();
		}
		assertThat(sum).isPositive();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toInstant();
	}
}
