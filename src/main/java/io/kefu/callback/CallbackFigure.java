package io.kefu.callback;

/**
 * Callback figures of one group for a period of resolutions: callbacks required (all but
 * those withdrawn by a reopening), done (reached), done by the due time, satisfied
 * (非常满意 + 满意) and unreachable.
 */
public record CallbackFigure(String key, String label, long required, long done, long onTime, long satisfied,
		long unreachable) {

	/** Callbacks done / required, in percent; null when there is nothing to measure. */
	public Double callbackRate() {
		return percent(done, required);
	}

	/** Done by the due time / done. */
	public Double onTimeRate() {
		return percent(onTime, done);
	}

	/** (非常满意 + 满意) / reached. */
	public Double satisfactionRate() {
		return percent(satisfied, done);
	}

	public Double unreachableRate() {
		return percent(unreachable, required);
	}

	private static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
	}
}
