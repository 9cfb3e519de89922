package io.kefu.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The targets a dashboard shows beside its rates, in percent.
 *
 * @param onTimeTarget          handled within the standards' times (the manuals: 100)
 * @param suggestionReplyTarget suggestions answered (the manuals: 100)
 * @param callbackTarget        callbacks made of those required (the manuals: 100)
 * @param satisfactionTarget    satisfied (非常满意 + 满意) of the customers reached by a callback
 *                              (the manuals ask 80 of community activities; set the company's own)
 */
@ConfigurationProperties("kefu.report")
public record ReportSettings(@DefaultValue("100") double onTimeTarget, @DefaultValue("100") double suggestionReplyTarget,
		@DefaultValue("100") double callbackTarget, @DefaultValue("80") double satisfactionTarget) {
}
