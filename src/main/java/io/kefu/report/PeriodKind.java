package io.kefu.report;

/** The periods a dashboard offers: the one containing a day, or dates of one's own. */
public enum PeriodKind {

	DAY, WEEK, MONTH, QUARTER, CUSTOM
}
