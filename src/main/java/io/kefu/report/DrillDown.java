package io.kefu.report;

import org.springframework.web.util.UriComponentsBuilder;

/** The link to what is behind a figure: the request search (or the callbacks) narrowed like the figure. */
final class DrillDown {

	private final UriComponentsBuilder uri;

	private DrillDown(UriComponentsBuilder uri) {
		this.uri = uri;
	}

	/** The requests of the site (or all the user's sites) registered in the period. */
	static DrillDown of(Long siteId, ReportPeriod period) {
		return at(siteId).with("from", period.from()).with("to", period.to());
	}

	/** The requests of the site (or all the user's sites), whenever registered. */
	static DrillDown at(Long siteId) {
		return new DrillDown(UriComponentsBuilder.fromPath("/requests/search")).with("site", siteId);
	}

	/** The callbacks of the site's (or all the user's sites') requests resolved in the period. */
	static DrillDown callbacks(Long siteId, ReportPeriod period) {
		return new DrillDown(UriComponentsBuilder.fromPath("/callbacks/resolved")).with("site", siteId)
			.with("from", period.from())
			.with("to", period.to());
	}

	DrillDown with(String name, Object value) {
		UriComponentsBuilder copy = uri.cloneBuilder();
		return new DrillDown(value == null ? copy : copy.queryParam(name, value));
	}

	String link() {
		return uri.build().encode().toUriString();
	}
}
