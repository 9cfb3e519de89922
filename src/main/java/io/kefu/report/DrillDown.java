package io.kefu.report;

import org.springframework.web.util.UriComponentsBuilder;

/** The link to the requests behind a figure: the request search narrowed like the figure. */
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

	DrillDown with(String name, Object value) {
		UriComponentsBuilder copy = uri.cloneBuilder();
		return new DrillDown(value == null ? copy : copy.queryParam(name, value));
	}

	String link() {
		return uri.build().encode().toUriString();
	}
}
