package io.kefu.callback;

/**
 * Callback figures of one group for a period of resolutions: callbacks required (all but
 * those withdrawn by a reopening), done (reached), done by the due time, satisfied
 * (非常满意 + 满意) and unreachable; and the rates in percent, null where nothing was
 * measured: callbacks done / required, on time / done, satisfied / reached and
 * unreachable / required.
 */
public record CallbackFigure(String key, String label, long required, long done, long onTime, long satisfied,
		long unreachable, Double callbackRate, Double onTimeRate, Double satisfactionRate, Double unreachableRate) {

	public static CallbackFigure of(String key, String label, long required, long done, long onTime, long satisfied,
			long unreachable) {
		return new CallbackFigure(key, label, required, done, onTime, satisfied, unreachable, percent(done, required),
				percent(onTime, done), percent(satisfied, done), percent(unreachable, required));
	}

	private static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
	}
}
