package io.kefu.directory.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.kefu.shared.InvalidInputException;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an uploaded workbook, read as text: a formula is read as its
 * text ({@code =SUM(A1)}) and never evaluated. Checks that the file really is an
 * .xlsx workbook, that its header is the template's and that it holds data.
 */
final class ImportSheet {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	static final int MAX_ROWS = 100_000;

	private static final ImportColumn[] COLUMNS = ImportColumn.values();

	/** 9999-12-31, the last day an Excel date can hold. */
	private static final BigDecimal MAX_EXCEL_DATE = BigDecimal.valueOf(2_958_465);

	private ImportSheet() {
	}

	/** A data row: its number as Excel shows it and its cells as trimmed text. */
	record Line(int number, String[] cells) {

		String get(ImportColumn column) {
			return cells[column.ordinal()];
		}

		boolean isBlank(ImportColumn... columns) {
			for (ImportColumn column : columns) {
				if (!get(column).isEmpty()) {
					return false;
				}
			}
			return true;
		}
	}

	/** Checks the file and its header and that it has a data row, without reading it all. */
	static void check(byte[] content) {
		read(content, true, line -> {
		});
	}

	/** Reads every non-blank data row, in order. */
	static void read(byte[] content, Consumer<Line> action) {
		read(content, false, action);
	}

	private static void read(byte[] content, boolean firstRowOnly, Consumer<Line> action) {
		requireWorkbook(content);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			String sheet = workbook.getFirstSheet().getName();
			Iterator<Row> iterator = rows.iterator();
			Line header = nextNonBlank(iterator);
			if (header == null) {
				throw new InvalidInputException("file", "工作表是空的：第一个工作表“" + sheet + "”中没有任何内容，请使用模板填写");
			}
			requireHeader(header);
			int count = 0;
			for (Line line = nextNonBlank(iterator); line != null; line = nextNonBlank(iterator)) {
				if (++count > MAX_ROWS) {
					throw new InvalidInputException("file", "文件行数太多：一次最多导入 " + MAX_ROWS + " 行，请分成几个文件导入");
				}
				action.accept(line);
				if (firstRowOnly) {
					return;
				}
			}
			if (count == 0) {
				throw new InvalidInputException("file",
						"工作表中没有数据：第一个工作表“" + sheet + "”只有表头，请从第 2 行起每行填写一间房");
			}
		}
		catch (IOException | UncheckedIOException | ExcelReaderException ex) {
			throw unreadable();
		}
	}

	private static Line nextNonBlank(Iterator<Row> rows) {
		while (rows.hasNext()) {
			Row row = rows.next();
			String[] cells = new String[Math.max(COLUMNS.length, row.getCellCount())];
			boolean blank = true;
			for (int i = 0; i < cells.length; i++) {
				cells[i] = i < row.getCellCount() ? text(row.getCell(i), i) : "";
				blank &= cells[i].isEmpty();
			}
			if (!blank) {
				return new Line(row.getRowNum(), cells);
			}
		}
		return null;
	}

	/** A cell as text; a number in the date column is an Excel date. */
	private static String text(Cell cell, int column) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getType()) {
			case FORMULA -> "=" + cell.getFormula();
			case NUMBER -> column == ImportColumn.MOVE_IN.ordinal() ? date(cell) : number(cell);
			case STRING -> cell.asString().strip();
			case BOOLEAN -> cell.asBoolean() ? "TRUE" : "FALSE";
			case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
			case EMPTY -> "";
		};
	}

	private static String number(Cell cell) {
		return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
	}

	/** Excel keeps a date as days since 1900; a number outside its calendar stays a number. */
	private static String date(Cell cell) {
		BigDecimal days = cell.asNumber();
		if (days.signum() <= 0 || days.compareTo(MAX_EXCEL_DATE) > 0) {
			return number(cell);
		}
		return cell.asDate().toLocalDate().toString();
	}

	private static void requireHeader(Line header) {
		List<String> faults = new ArrayList<>();
		for (ImportColumn column : COLUMNS) {
			String found = header.cells()[column.ordinal()].replaceAll("\\s", "");
			String where = "第 " + (column.ordinal() + 1) + " 列（" + ImportColumn.letter(column.ordinal()) + " 列）";
			if (found.isEmpty()) {
				faults.add("缺少" + where + "“" + column.header() + "”");
			}
			else if (!found.equals(column.header())) {
				faults.add(where + "应为“" + column.header() + "”，实际为“" + found + "”");
			}
		}
		if (!faults.isEmpty()) {
			String shown = String.join("；", faults.subList(0, Math.min(3, faults.size())));
			throw new InvalidInputException("file", "表头与模板不一致：" + shown
					+ (faults.size() > 3 ? "；另有 " + (faults.size() - 3) + " 处不一致" : "") + "。请下载模板，按模板的表头填写");
		}
	}

	/**
	 * An .xlsx file is a zip archive with a content-types part and a workbook part;
	 * the name of the file says nothing.
	 */
	private static void requireWorkbook(byte[] content) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "请选择要导入的 Excel 文件（.xlsx）");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("file", "文件太大：导入文件不能超过 20 MB，请分成几个文件导入");
		}
		if (ReadableWorkbook.isOLE2Header(content)) {
			throw new InvalidInputException("file", "这是旧版 Excel（.xls）文件或加密的文件：请在 Excel 中“另存为”Excel 工作簿（.xlsx），不设密码，再上传");
		}
		if (!ReadableWorkbook.isOOXMLZipHeader(content) || !hasWorkbookParts(content)) {
			throw new InvalidInputException("file", "该文件不是 Excel 工作簿（.xlsx）：请下载模板，填写后保存为 .xlsx 再上传");
		}
	}

	/** Reads the zip's central directory, as the workbook reader will (streamed entries are often unsized). */
	private static boolean hasWorkbookParts(byte[] content) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static InvalidInputException unreadable() {
		return new InvalidInputException("file", "无法读取该文件：文件可能已损坏。请在 Excel 中打开，另存为 .xlsx 后再上传");
	}
}
