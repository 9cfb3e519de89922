package io.kefu.directory.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.ColumnStyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The template to fill: the first sheet holds the header only (every row below it
 * is imported), the second explains each column with an example.
 */
final class ImportTemplate {

	static final String FILENAME = "房间与业户导入模板.xlsx";

	static final String SHEET = "房间与业户";

	private static final List<String> EXAMPLE = List.of("BA01", "180", "1", "12", "3", "", "89.5", "张伟家", "入住",
			"2024-03-01", "张伟", "业主", "13812345678", "李娜", "家庭成员", "0571-88886666", "", "", "");

	private ImportTemplate() {
	}

	static void write(OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Kefu", "1.0");
		Worksheet sheet = workbook.newWorksheet(SHEET);
		ImportColumn[] columns = ImportColumn.values();
		for (ImportColumn column : columns) {
			sheet.value(0, column.ordinal(), column.header());
			sheet.width(column.ordinal(), column.header().length() * 2.5 + 6);
			// text cells keep the leading 0 of a landline and long numbers as typed
			((ColumnStyleSetter) sheet.style(column.ordinal()).format("@")).set();
		}
		sheet.range(0, 0, 0, columns.length - 1).style().bold().fillColor("DDEBF7").set();
		sheet.freezePane(0, 1);

		Worksheet help = workbook.newWorksheet("填写说明");
		help.value(0, 0, "列");
		help.value(0, 1, "说明");
		help.value(0, 2, "示例");
		for (ImportColumn column : columns) {
			help.value(column.ordinal() + 1, 0, column.header());
			help.value(column.ordinal() + 1, 1, column.hint());
			help.value(column.ordinal() + 1, 2, EXAMPLE.get(column.ordinal()));
		}
		int notes = columns.length + 2;
		help.value(notes, 0, "说明");
		help.value(notes, 1, "在第一个工作表“" + SHEET + "”中从第 2 行起每行填写一间房；有户名的行同时登记该户及其人员。");
		help.value(notes + 1, 1, "上传后系统先逐行检查并列出问题，确认无误后才一次性全部导入；有任何问题时不会写入任何数据。");
		help.value(notes + 2, 1, "以 =、+、-、@ 开头的内容按普通文字保存，不会作为公式计算。");
		help.range(0, 0, 0, 2).style().bold().set();
		help.width(0, 14);
		help.width(1, 70);
		help.width(2, 18);
		workbook.finish();
	}
}
