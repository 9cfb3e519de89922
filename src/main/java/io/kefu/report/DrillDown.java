package io.kefu.report;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link to the list behind a figure: the request search, or for an on-time figure the
 * clock list, or for a callback figure the callbacks, narrowed like the figure.
 */
final class DrillDown {

	private final UriComponentsBuilder uri;

	private DrillDown(UriComponentsBuilder uri) {
		this.uri = uri;
	}

	/** The requests of the site (or all the user's sites) registered in the period. */
	static DrillDown of(Long siteId, ReportPeriod period) {
		return at(siteId).within(period);
	}

	/** The requests of the site (or all the user's sites), whenever registered. */
	static DrillDown at(Long siteId) {
		return list("/requests/search", siteId);
	}

	/** The clocks of the site (or all the user's sites) started in the period. */
	static DrillDown clocks(Long siteId, ReportPeriod period) {
		return list("/clocks", siteId).within(period);
	}

	/** The callbacks of the site's (or all the user's sites') requests resolved in the period. */
	static DrillDown callbacks(Long siteId, ReportPeriod period) {
		return list("/callbacks/resolved", siteId).within(period);
	}

	private static DrillDown list(String path, Long siteId) {
		return new DrillDown(UriComponentsBuilder.fromPath(path)).with("site", siteId);
	}

	private DrillDown within(ReportPeriod period) {
		return with("from", period.from()).with("to", period.to());
	}

	DrillDown with(String name, Object value) {
		UriComponentsBuilder copy = uri.cloneBuilder();
		return new DrillDown(value == null ? copy : copy.queryParam(name, value));
	}

	String link() {
		return uri.build().encode().toUriString();
	}
}
