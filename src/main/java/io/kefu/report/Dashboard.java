package io.kefu.report;

import java.time.Duration;
import java.util.List;

/**
 * A site's (or, with no site, every site the user may see) figures over a period. Every
 * count carries the link to the list of requests behind it.
 */
public record Dashboard(ReportPeriod period, Long siteId, String siteName, Headline headline, List<Figure> types,
		List<Figure> channels, List<Figure> categories, List<Figure> buildings, List<ParetoFigure> pareto,
		List<DepartmentRow> departments, List<Figure> backlog, List<OnTimeRow> onTime) {

	/** A count under a label; {@code code} names it for machines (a type, a channel, an id). */
	public record Figure(String code, String label, long count, String link) {
	}

	/** A rate in percent (null when there is nothing to rate) of {@code count} out of {@code of}, with its target. */
	public record Rate(Double value, double target, long count, long of, String link) {
	}

	/**
	 * The big numbers: requests, complaints, repeat complaints, on time, suggestions
	 * replied, callbacks made and the satisfaction of those reached (of the requests
	 * resolved in the period), handling time of those resolved, the open backlog now.
	 */
	public record Headline(Figure requests, Figure complaints, Figure repeatComplaints, Rate onTime,
			Rate suggestionReplies, Rate callbacks, Rate satisfaction, Figure resolved, Duration averageHandling,
			Duration p90Handling, Figure backlog) {
	}

	/** A complaint category of the Pareto chart with the share of all complaints up to and including it. */
	public record ParetoFigure(Figure figure, double cumulativePercent) {
	}

	/** The complaints laid at a department, by validity. */
	public record DepartmentRow(String name, Figure valid, Figure invalid, Figure undecided, Figure total) {
	}

	/**
	 * A standard's clocks of one kind started in the period, with the share met of those
	 * finished and the links to the clocks met, breached and running.
	 */
	public record OnTimeRow(String standardName, String kind, long met, long breached, long running, Double rate,
			String metLink, String breachedLink, String runningLink) {
	}
}
