package io.kefu.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The targets a dashboard shows beside its rates, in percent.
 *
 * @param onTimeTarget          handled within the standards' times (the manuals: 100)
 * @param suggestionReplyTarget suggestions answered (the manuals: 100)
 */
@ConfigurationProperties("kefu.report")
public record ReportSettings(@DefaultValue("100") double onTimeTarget, @DefaultValue("100") double suggestionReplyTarget) {
}
