package io.kefu.survey;

import java.math.BigDecimal;

/**
 * A new survey wave; what is left {@code null} takes the configured default, and a
 * seed left out is chosen at random (and stored, so that the draw can be repeated).
 *
 * @param sampleShare percent of the site's occupied households to ask, above 0 and at most 100
 * @param avoidWaves  how many of the site's previous waves whose households are left out while others remain
 */
public record WaveInput(long siteId, String name, long questionnaireId, BigDecimal sampleShare, Integer avoidWaves,
		Long seed) {
}
