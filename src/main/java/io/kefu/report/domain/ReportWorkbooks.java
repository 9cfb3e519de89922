package io.kefu.report.domain;

import java.time.Duration;
import java.util.List;

import io.kefu.KefuApplication;
import io.kefu.report.ComplaintLine;
import io.kefu.report.Dashboard;
import io.kefu.report.Dashboard.Figure;
import io.kefu.report.Dashboard.Rate;
import io.kefu.request.ComplaintEntry;
import io.kefu.web.TableWorkbook;
import io.kefu.web.TableWorkbook.Table;

/** How each report is laid out as sheets of a workbook: the same tables as its page. */
public final class ReportWorkbooks {

	static final List<String> COMPLAINT_HEADERS = List.of("序号", "项目", "工单号", "受理时间", "投诉人", "地点", "类别", "投诉内容",
			"处理结果", "是否有效", "责任部门", "原因", "纠正措施", "状态", "回访结果");

	private ReportWorkbooks() {
	}

	/** The sheet of the monthly complaint summary (月度业户投诉汇总登记表); add each line with {@link #complaint}. */
	public static Table complaints(TableWorkbook workbook, String title) {
		return workbook.table("投诉汇总", title, COMPLAINT_HEADERS);
	}

	public static void complaint(Table sheet, ComplaintLine line) {
		ComplaintEntry c = line.complaint();
		sheet.row(sheet.count() + 1, line.siteName(), c.number(),
				c.registeredAt().atZone(KefuApplication.ZONE).toLocalDateTime(), c.contactName(), c.place(),
				line.category(), c.description(), c.resolution(), c.valid() == null ? "" : c.valid() ? "有效" : "无效",
				line.departmentName(), c.cause(), c.correctiveAction(), c.status().label(), line.callbackText());
	}

	/** Every table of the dashboard, a sheet each, under the dashboard's title. */
	public static void dashboard(TableWorkbook workbook, Dashboard d, String title) {
		Dashboard.Headline h = d.headline();
		Table headline = workbook.table("概览", title, List.of("指标", "数值", "分子", "分母", "目标(%)"));
		for (Figure f : List.of(h.requests(), h.complaints(), h.repeatComplaints(), h.resolved(), h.backlog())) {
			headline.row(f.label(), f.count());
		}
		rate(headline, "按时率(%)", h.onTime());
		rate(headline, "建议回复率(%)", h.suggestionReplies());
		rate(headline, "回访率(%)", h.callbacks());
		rate(headline, "满意率(%)", h.satisfaction());
		headline.row("平均处理时长(小时)", hours(h.averageHandling()));
		headline.row("P90 处理时长(小时)", hours(h.p90Handling()));
		figures(workbook, "类型", title, d.types());
		figures(workbook, "渠道", title, d.channels());
		figures(workbook, "类别", title, d.categories());
		figures(workbook, "楼栋", title, d.buildings());
		Table pareto = workbook.table("投诉原因", title, List.of("类别", "件数", "累计占比(%)"));
		d.pareto().forEach(p -> pareto.row(p.figure().label(), p.figure().count(), p.cumulativePercent()));
		Table departments = workbook.table("责任部门", title, List.of("责任部门", "有效", "无效", "未定", "合计"));
		d.departments().forEach(r -> departments.row(r.name(), r.valid().count(), r.invalid().count(),
				r.undecided().count(), r.total().count()));
		figures(workbook, "未办结账龄", title, d.backlog());
		Table onTime = workbook.table("按时率", title, List.of("服务标准", "时限", "按时", "超时", "进行中", "按时率(%)"));
		d.onTime().forEach(r -> onTime.row(r.standardName(), r.kind(), r.met(), r.breached(), r.running(), r.rate()));
	}

	private static void figures(TableWorkbook workbook, String sheet, String title, List<Figure> figures) {
		Table table = workbook.table(sheet, title, List.of(sheet, "件数"));
		figures.forEach(f -> table.row(f.label(), f.count()));
	}

	private static void rate(Table table, String label, Rate rate) {
		table.row(label, rate.value(), rate.count(), rate.of(), rate.target());
	}

	private static Double hours(Duration duration) {
		return duration == null ? null : duration.toMinutes() / 60.0;
	}
}
