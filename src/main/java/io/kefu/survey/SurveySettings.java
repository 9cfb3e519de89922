package io.kefu.survey;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sampleShare percent of a site's occupied households a wave asks by default (the standard: at least 20)
 * @param avoidWaves  previous waves of the site whose households a new sample leaves out while others remain
 */
@ConfigurationProperties("kefu.survey")
public record SurveySettings(@DefaultValue("20") BigDecimal sampleShare, @DefaultValue("1") int avoidWaves) {
}
