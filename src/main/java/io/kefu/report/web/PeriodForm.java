package io.kefu.report.web;

import java.time.LocalDate;

import io.kefu.report.PeriodKind;
import io.kefu.report.ReportPeriod;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.ui.Model;

/**
 * The period picker of the report pages: a day, week, month (the default) or quarter
 * around {@code day} (today when not given), or the custom dates {@code from} to {@code to}.
 */
record PeriodForm(PeriodKind period, @DateTimeFormat(iso = ISO.DATE) LocalDate day,
		@DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to) {

	ReportPeriod resolve(LocalDate today) {
		return ReportPeriod.of(kind(), shown(today), from, to);
	}

	/** What the picker fragment shows. */
	void show(Model model, LocalDate today) {
		model.addAttribute("periodKind", kind());
		model.addAttribute("periodKinds", PeriodKind.values());
		model.addAttribute("day", shown(today));
	}

	private PeriodKind kind() {
		return period == null ? PeriodKind.MONTH : period;
	}

	private LocalDate shown(LocalDate today) {
		return day == null ? today : day;
	}
}
