package io.kefu.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The targets a dashboard shows beside its rates, in percent, and when the report packs
 * are made.
 *
 * @param onTimeTarget          handled within the standards' times (the manuals: 100)
 * @param suggestionReplyTarget suggestions answered (the manuals: 100)
 * @param callbackTarget        callbacks made of those required (the manuals: 100)
 * @param satisfactionTarget    satisfied (非常满意 + 满意) of the customers reached by a callback
 *                              (the manuals ask 80 of community activities; set the company's own)
 * @param monthlyPackDay        the day of each month on which that month's pack is made (the
 *                              manuals archive the month on the 25th–30th); the last day in
 *                              shorter months
 * @param quarterlyPackDay      the day of a quarter's first month on which the pack of the
 *                              quarter before is made
 */
@ConfigurationProperties("kefu.report")
public record ReportSettings(@DefaultValue("100") double onTimeTarget, @DefaultValue("100") double suggestionReplyTarget,
		@DefaultValue("100") double callbackTarget, @DefaultValue("80") double satisfactionTarget,
		@DefaultValue("25") int monthlyPackDay, @DefaultValue("1") int quarterlyPackDay) {

	public ReportSettings {
		if (monthlyPackDay < 1 || monthlyPackDay > 31 || quarterlyPackDay < 1 || quarterlyPackDay > 31) {
			throw new IllegalArgumentException(
					"kefu.report.monthly-pack-day and kefu.report.quarterly-pack-day must be days of a month (1–31)");
		}
	}
}
