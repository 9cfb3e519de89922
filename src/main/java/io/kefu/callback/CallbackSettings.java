package io.kefu.callback;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts failed tries within {@code failureWindow} after which the customer counts as unreachable
 * @param failureWindow     how far back failed tries count
 * @param dueWithoutClock   when the request's standard has no callback clock: time from the resolution
 * @param activityShare     the share of a community activity's participants called back, in percent
 */
@ConfigurationProperties("kefu.callback")
public record CallbackSettings(Integer maxFailedAttempts, Duration failureWindow, Duration dueWithoutClock,
		BigDecimal activityShare) {

	public CallbackSettings {
		maxFailedAttempts = maxFailedAttempts == null ? 3 : maxFailedAttempts;
		failureWindow = failureWindow == null ? Duration.ofDays(2) : failureWindow;
		dueWithoutClock = dueWithoutClock == null ? Duration.ofDays(3) : dueWithoutClock;
		activityShare = activityShare == null ? BigDecimal.TEN : activityShare;
	}
}
