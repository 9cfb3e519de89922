package io.kefu.standard;

import java.time.LocalDate;
import java.util.List;

/**
 * What importing a holiday schedule file adds to the national schedule, or why it
 * cannot: the file is imported whole or not at all.
 *
 * @param lines    the dates of the file
 * @param problems the lines that stop the import; empty when it can go ahead
 * @param imported how many dates were added (0 for a preview)
 */
public record ScheduleImport(List<Line> lines, List<ScheduleProblem> problems, int imported) {

	public ScheduleImport {
		lines = List.copyOf(lines);
		problems = List.copyOf(problems);
	}

	public boolean importable() {
		return problems.isEmpty();
	}

	public long additions() {
		return lines.stream().filter(line -> !line.present()).count();
	}

	/**
	 * @param present already in the national schedule as it stands: nothing changes
	 * @param warning something worth a look that does not stop the import
	 */
	public record Line(int line, LocalDate date, CalendarExceptionKind kind, String name, boolean present,
			String warning) {
	}
}
