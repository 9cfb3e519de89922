package io.kefu.report;

import java.util.List;

/**
 * The computed sections of a quarterly complaint analysis (季度投诉分析) of a site, or of
 * every site the user may see (no site): the complaints against the previous quarter and
 * the same quarter a year before, by validity, category and responsible department; the
 * repeat complaints; the complaint clocks met in time; the callback satisfaction of the
 * complaints resolved in the quarter. Names left null are "none" (no category, no
 * department named yet); pages show them in their own words.
 */
public record QuarterlyFigures(Quarter quarter, Long siteId, String siteName, Trend complaints, long major,
		long valid, long invalid, long undecided, long repeat, List<CategoryRow> categories,
		List<DepartmentRow> departments, Rate onTime, Rate callbacks, Rate satisfaction) {

	/**
	 * A count beside that of the previous quarter and of the same quarter a year before,
	 * with the change in percent against each (null when the earlier count is 0).
	 */
	public record Trend(long count, long previous, long lastYear, Double changeOnPrevious, Double changeOnLastYear) {

		public static Trend of(long count, long previous, long lastYear) {
			return new Trend(count, previous, lastYear, change(count, previous), change(count, lastYear));
		}

		private static Double change(long count, long earlier) {
			return earlier == 0 ? null : Math.round(1000.0 * (count - earlier) / earlier) / 10.0;
		}
	}

	/** A complaint category (as 环境·噪音) this quarter beside the previous quarter. */
	public record CategoryRow(Long categoryId, String name, long count, long previous) {
	}

	/** The quarter's complaints laid at a department, by validity. */
	public record DepartmentRow(Long departmentId, String name, long valid, long invalid, long undecided) {

		public long total() {
			return valid + invalid + undecided;
		}
	}

	/** {@code count} out of {@code of} in percent, one decimal; null when there is nothing to rate. */
	public record Rate(long count, long of, Double value) {

		public static Rate of(long count, long of) {
			return new Rate(count, of, of == 0 ? null : Math.round(1000.0 * count / of) / 10.0);
		}
	}
}
