package io.kefu.report.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

import io.kefu.KefuApplication;
import io.kefu.report.ComplaintLine;
import io.kefu.request.ComplaintEntry;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.stereotype.Component;

/**
 * The monthly complaint summary (月度业户投诉汇总登记表) as an .xlsx file, written row by row
 * as the complaints are read, so that its size is not bounded by memory.
 */
@Component
public class ComplaintWorkbook {

	static final List<String> HEADERS = List.of("序号", "项目", "工单号", "受理时间", "投诉人", "地点", "类别", "投诉内容", "处理结果",
			"是否有效", "责任部门", "原因", "纠正措施", "状态");

	/** Rows are flushed to the stream every so many, keeping little in memory. */
	private static final int FLUSH_EVERY = 1000;

	public Sheet open(OutputStream out, String title) {
		Workbook workbook = new Workbook(out, "Kefu", "1.0");
		Worksheet sheet = workbook.newWorksheet("投诉汇总");
		sheet.value(0, 0, title);
		sheet.style(0, 0).bold().set();
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(2, c, HEADERS.get(c));
		}
		sheet.range(2, 0, 2, HEADERS.size() - 1).style().bold().set();
		return new Sheet(workbook, sheet);
	}

	/** The sheet being written; closing it finishes the file. */
	public static final class Sheet implements AutoCloseable {

		private static final int FIRST_ROW = 3;

		private final Workbook workbook;

		private final Worksheet sheet;

		private int count;

		Sheet(Workbook workbook, Worksheet sheet) {
			this.workbook = workbook;
			this.sheet = sheet;
		}

		public void add(ComplaintLine line) {
			ComplaintEntry c = line.complaint();
			int row = FIRST_ROW + count;
			count++;
			List<Object> cells = List.of(count, text(line.siteName()), c.number(),
					c.registeredAt().atZone(KefuApplication.ZONE).toLocalDateTime(), text(c.contactName()), text(c.place()),
					line.category(), text(c.description()), text(c.resolution()),
					c.valid() == null ? "" : c.valid() ? "有效" : "无效", text(line.departmentName()), text(c.cause()),
					text(c.correctiveAction()), c.status().label());
			for (int col = 0; col < cells.size(); col++) {
				Object cell = cells.get(col);
				if (cell instanceof Integer number) {
					sheet.value(row, col, number);
				}
				else if (cell instanceof LocalDateTime time) {
					sheet.value(row, col, time);
					sheet.style(row, col).format("yyyy-mm-dd hh:mm").set();
				}
				else {
					sheet.value(row, col, (String) cell);
				}
			}
			if (count % FLUSH_EVERY == 0) {
				flush();
			}
		}

		private void flush() {
			try {
				sheet.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			workbook.finish();
		}

		/** Text as a cell: never null, and never read by Excel as a formula. */
		private static String text(String value) {
			if (value == null) {
				return "";
			}
			return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		}
	}
}
