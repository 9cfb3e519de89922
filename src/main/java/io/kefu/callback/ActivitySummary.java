package io.kefu.callback;

import java.time.LocalDate;

/** A community activity with how its callbacks went; the manual's target is 80 % satisfied. */
public record ActivitySummary(long id, long siteId, String name, LocalDate heldOn, int participants, int sampled,
		int reached, int satisfied, int unreachable) {

	public static final double TARGET_PERCENT = 80;

	/** Satisfied of those reached, in percent; null before anyone was reached. */
	public Double satisfactionRate() {
		return reached == 0 ? null : 100.0 * satisfied / reached;
	}

	public boolean belowTarget() {
		Double rate = satisfactionRate();
		return rate != null && rate < TARGET_PERCENT;
	}

	public int open() {
		return sampled - reached - unreachable;
	}
}
