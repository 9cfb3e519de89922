package io.kefu.survey.domain;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import io.kefu.shared.Satisfaction;
import io.kefu.survey.ResultRow;
import io.kefu.survey.SurveyResults;
import io.kefu.web.TableWorkbook;
import io.kefu.web.TableWorkbook.Table;

import org.springframework.stereotype.Component;

/**
 * A wave's results as an .xlsx file for the survey report (《业户意见调查报告》): a sheet of
 * figures per site, section, building and question, and one of the residents' comments.
 */
@Component
public class ResultsWorkbook {

	static final List<String> HEADERS = List.of("类别", "名称", "非常满意", "满意", "一般", "不满意", "非常不满意", "有效答题数",
			"满意率(%)", "上次满意率(%)", "变化(百分点)");

	public void write(SurveyResults results, OutputStream out) {
		String title = results.wave().siteName() + " " + results.wave().name();
		try (TableWorkbook workbook = new TableWorkbook(out)) {
			Table sheet = workbook.table("满意度", title, HEADERS)
				.note("有效（签名）答卷 " + results.wave().signed() + " 份，未签名 " + results.wave().unsigned() + " 份（不计入），样本 "
						+ results.wave().sampled() + " 户" + (results.previousWaveName() == null ? ""
								: "，与“" + results.previousWaveName() + "”比较"));
			rows(sheet, "项目", List.of(results.site()));
			rows(sheet, "部分", results.sections());
			rows(sheet, "楼栋", results.buildings());
			rows(sheet, "题目", results.questions());
			Table comments = workbook.table("意见和建议", title, List.of("题目", "房号", "内容"));
			results.comments().forEach(c -> comments.row(c.question(), c.roomCode(), c.text()));
		}
	}

	private static void rows(Table sheet, String kind, List<ResultRow> rows) {
		for (ResultRow result : rows) {
			List<Object> cells = new ArrayList<>(List.of(kind, result.label()));
			for (Satisfaction level : Satisfaction.values()) {
				cells.add(result.counts().count(level));
			}
			cells.add(result.counts().answered());
			cells.add(result.rate());
			cells.add(result.previousRate());
			cells.add(result.change());
			sheet.row(cells.toArray());
		}
	}
}
