package io.kefu.directory.imports;

import java.time.OffsetDateTime;

/**
 * An import as pages and the API show it (public for the templates' expressions).
 *
 * @param rowsTotal     data rows in the file, known once it has been checked
 * @param rowsValidated rows checked so far (in the last check)
 * @param rowsWritten   rows written so far, in the transaction that is not yet committed
 * @param problemCount  every problem found, of which the first {@value ImportJobs#MAX_PROBLEMS} are kept
 * @param rooms         rows that passed every check (with the buildings, households and people
 *                      counted from them); all rows of a READY or DONE job
 */
public record ImportJob(long id, String filename, long size, String uploadedBy, ImportState state, Integer rowsTotal,
		int rowsValidated, int rowsWritten, int problemCount, int buildings, int newBuildings, int rooms,
		int households, int people, String error, OffsetDateTime createdAt, OffsetDateTime finishedAt) {

	public boolean isRunning() {
		return state.isRunning();
	}

	/** Percent of the work done, for a progress bar; {@code null} while the size of the file is unknown. */
	public Integer percent() {
		if (rowsTotal == null || rowsTotal == 0) {
			return null;
		}
		int done = state == ImportState.COMMITTING ? rowsValidated + rowsWritten : rowsValidated;
		int all = state == ImportState.COMMITTING ? 2 * rowsTotal : rowsTotal;
		return Math.min(100, 100 * done / all);
	}
}
