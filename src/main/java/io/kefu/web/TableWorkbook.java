package io.kefu.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An .xlsx file of tables, one sheet each (a title, its headers, then its rows), written
 * row by row to the stream, so that no table's length is bounded by memory. Cells are
 * numbers, dates and times, or text; text is never read by Excel as a formula.
 */
public final class TableWorkbook implements AutoCloseable {

	/** Rows are flushed to the stream every so many, keeping little in memory. */
	private static final int FLUSH_EVERY = 1000;

	private final Workbook workbook;

	private Table current;

	public TableWorkbook(OutputStream out) {
		this.workbook = new Workbook(out, "Kefu", "1.0");
	}

	/** Starts a sheet, finishing the one before it. */
	public Table table(String sheetName, String title, List<String> headers) {
		if (current != null) {
			current.finish();
		}
		current = new Table(workbook.newWorksheet(sheetName), title, headers);
		return current;
	}

	@Override
	public void close() {
		try {
			if (current != null) {
				current.finish();
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One sheet being written. */
	public static final class Table {

		private static final int FIRST_ROW = 3;

		private final Worksheet sheet;

		private int count;

		Table(Worksheet sheet, String title, List<String> headers) {
			this.sheet = sheet;
			sheet.value(0, 0, title);
			sheet.style(0, 0).bold().set();
			for (int c = 0; c < headers.size(); c++) {
				sheet.value(2, c, headers.get(c));
			}
			if (!headers.isEmpty()) {
				sheet.range(2, 0, 2, headers.size() - 1).style().bold().set();
			}
		}

		/** A line under the title, such as what the figures count. */
		public Table note(String text) {
			sheet.value(1, 0, text(text));
			return this;
		}

		/** Adds a row; a null cell stays empty. */
		public Table row(Object... cells) {
			int row = FIRST_ROW + count;
			count++;
			for (int col = 0; col < cells.length; col++) {
				cell(row, col, cells[col]);
			}
			if (count % FLUSH_EVERY == 0) {
				try {
					sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return this;
		}

		/** The rows added so far. */
		public int count() {
			return count;
		}

		private void cell(int row, int col, Object value) {
			if (value == null) {
				return;
			}
			if (value instanceof Integer n) {
				sheet.value(row, col, n);
			}
			else if (value instanceof Long n) {
				sheet.value(row, col, n);
			}
			else if (value instanceof Double n) {
				sheet.value(row, col, Math.round(n * 10) / 10.0);
			}
			else if (value instanceof BigDecimal n) {
				sheet.value(row, col, n);
			}
			else if (value instanceof LocalDateTime time) {
				sheet.value(row, col, time);
				sheet.style(row, col).format("yyyy-mm-dd hh:mm").set();
			}
			else if (value instanceof LocalDate day) {
				sheet.value(row, col, day);
				sheet.style(row, col).format("yyyy-mm-dd").set();
			}
			else {
				sheet.value(row, col, text(value.toString()));
			}
		}

		private void finish() {
			try {
				sheet.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static String text(String value) {
			return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		}
	}
}
