package io.kefu.standard;

/**
 * How a standard's clock of one kind fared at a site over a period (clocks started in
 * it): met in time, breached, still running. Cancelled clocks do not count.
 */
public record OnTimeFigure(long siteId, Long standardId, String standardName, ClockKind kind, long met, long breached,
		long running) {

	/** Met out of those that finished, in percent; null when none finished. */
	public Double onTimeRate() {
		long finished = met + breached;
		return finished == 0 ? null : 100.0 * met / finished;
	}
}
