package io.kefu.survey;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A wave was closed: its sample and answers are frozen.
 *
 * @param satisfactionRate percent over the signed answers, {@code null} when none were given
 */
public record SurveyWaveClosed(long waveId, long siteId, String name, int sampled, int signed,
		BigDecimal satisfactionRate, Instant occurredAt) {
}
