package io.kefu.survey.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.kefu.shared.Satisfaction;
import io.kefu.survey.ResultRow;
import io.kefu.survey.SurveyResults;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.stereotype.Component;

/**
 * A wave's results as an .xlsx file for the survey report (《业户意见调查报告》): a sheet of
 * figures per site, section, building and question, and one of the residents' comments.
 */
@Component
public class ResultsWorkbook {

	static final List<String> HEADERS = List.of("类别", "名称", "非常满意", "满意", "一般", "不满意", "非常不满意", "有效答题数",
			"满意率(%)", "上次满意率(%)", "变化(百分点)");

	public void write(SurveyResults results, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Kefu", "1.0");
		Worksheet sheet = workbook.newWorksheet("满意度");
		sheet.value(0, 0, results.wave().siteName() + " " + results.wave().name());
		sheet.value(1, 0, "有效（签名）答卷 " + results.wave().signed() + " 份，未签名 " + results.wave().unsigned() + " 份（不计入），样本 "
				+ results.wave().sampled() + " 户" + (results.previousWaveName() == null ? ""
						: "，与“" + results.previousWaveName() + "”比较"));
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(3, c, HEADERS.get(c));
		}
		sheet.range(3, 0, 3, HEADERS.size() - 1).style().bold().set();
		int row = 4;
		row = rows(sheet, row, "项目", List.of(results.site()));
		row = rows(sheet, row, "部分", results.sections());
		row = rows(sheet, row, "楼栋", results.buildings());
		rows(sheet, row, "题目", results.questions());
		Worksheet comments = workbook.newWorksheet("意见和建议");
		comments.value(0, 0, "题目");
		comments.value(0, 1, "房号");
		comments.value(0, 2, "内容");
		for (int i = 0; i < results.comments().size(); i++) {
			SurveyResults.Comment comment = results.comments().get(i);
			comments.value(i + 1, 0, comment.question());
			comments.value(i + 1, 1, comment.roomCode());
			comments.value(i + 1, 2, safe(comment.text()));
		}
		workbook.finish();
	}

	private static int rows(Worksheet sheet, int first, String kind, List<ResultRow> rows) {
		int row = first;
		for (ResultRow result : rows) {
			List<Object> cells = new ArrayList<>(List.of(kind, result.label()));
			for (Satisfaction level : Satisfaction.values()) {
				cells.add(result.counts().count(level));
			}
			cells.add(result.counts().answered());
			cells.add(result.rate());
			cells.add(result.previousRate());
			cells.add(result.change());
			for (int c = 0; c < cells.size(); c++) {
				Object cell = cells.get(c);
				if (cell instanceof String text) {
					sheet.value(row, c, text);
				}
				else if (cell instanceof Long number) {
					sheet.value(row, c, number);
				}
				else if (cell instanceof BigDecimal number) {
					sheet.value(row, c, number);
				}
			}
			row++;
		}
		return row;
	}

	/** Text that a spreadsheet would run as a formula stays text. */
	private static String safe(String text) {
		return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}
}
