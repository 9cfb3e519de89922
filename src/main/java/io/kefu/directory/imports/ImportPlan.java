package io.kefu.directory.imports;

import java.util.List;

/**
 * The outcome of checking a whole file: the rows to write if there is no problem,
 * else the problems, by row and column.
 *
 * @param rows         the rows that passed every check (all of them when {@code problems} is empty)
 * @param problems     every problem found, in row and column order
 * @param lines        how many data rows the file has
 * @param buildings    how many buildings the rows are in
 * @param newBuildings how many of them do not exist yet
 */
record ImportPlan(List<ImportRow> rows, List<ImportProblem> problems, int lines, int buildings, int newBuildings) {

	boolean isValid() {
		return problems.isEmpty();
	}

	int households() {
		return (int) rows.stream().filter(ImportRow::hasHousehold).count();
	}

	int people() {
		return rows.stream().mapToInt(row -> row.people().size()).sum();
	}
}
