package io.kefu.report;

/** What a report pack covers: a month (月度报表包) or a quarter (季度报表包). */
public enum PackKind {
	MONTHLY, QUARTERLY
}
