package io.kefu.report.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.kefu.KefuApplication;
import io.kefu.report.ComplaintLine;
import io.kefu.report.Dashboard;
import io.kefu.report.Dashboard.Figure;
import io.kefu.report.Dashboard.Rate;
import io.kefu.report.QuarterlyFigures;
import io.kefu.report.QuarterlyFigures.Trend;
import io.kefu.report.StaffGroup;
import io.kefu.report.StaffRow;
import io.kefu.report.StaffSheet;
import io.kefu.report.WrittenSections;
import io.kefu.request.ComplaintEntry;
import io.kefu.web.TableWorkbook;
import io.kefu.web.TableWorkbook.Table;

/** How each report is laid out as sheets of a workbook: the same tables as its page. */
public final class ReportWorkbooks {

	static final List<String> COMPLAINT_HEADERS = List.of("序号", "项目", "工单号", "受理时间", "投诉人", "地点", "类别", "投诉内容",
			"处理结果", "是否有效", "责任部门", "原因", "纠正措施", "状态", "回访结果");

	private static final Map<StaffGroup, String> STAFF_GROUPS = Map.of(StaffGroup.AGENT, "客服", StaffGroup.TECHNICIAN, "维修",
			StaffGroup.OTHER, "其他员工");

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

	/**
	 * The quarterly complaint analysis: its computed sections and, when given, its written
	 * ones (原因分析, 纠正措施, 预防措施), a sheet each.
	 */
	public static void quarterly(TableWorkbook workbook, QuarterlyFigures f, WrittenSections sections, String title) {
		Table overview = workbook.table("季度概况", title, List.of("指标", "本季度", "上季度", "去年同期", "环比(%)", "同比(%)"));
		Trend t = f.complaints();
		overview.row("投诉", t.count(), t.previous(), t.lastYear(), t.changeOnPrevious(), t.changeOnLastYear());
		overview.row("重大投诉", f.major());
		overview.row("有效", f.valid());
		overview.row("无效", f.invalid());
		overview.row("未定", f.undecided());
		overview.row("重复投诉", f.repeat());
		quarterRate(overview, "按时率(%)", f.onTime());
		quarterRate(overview, "回访率(%)", f.callbacks());
		quarterRate(overview, "满意率(%)", f.satisfaction());
		Table categories = workbook.table("投诉类别", title, List.of("类别", "本季度", "上季度"));
		f.categories().forEach(c -> categories.row(c.name() == null ? "未分类" : c.name(), c.count(), c.previous()));
		Table departments = workbook.table("季度责任部门", title, List.of("责任部门", "有效", "无效", "未定", "合计"));
		f.departments().forEach(d -> departments.row(d.name() == null ? "未定责任部门" : d.name(), d.valid(),
				d.invalid(), d.undecided(), d.total()));
		if (sections != null) {
			workbook.table("分析与措施", title, List.of("部分", "内容"))
				.row("原因分析", sections.analysis())
				.row("纠正措施", sections.correctiveMeasures())
				.row("预防措施", sections.preventiveMeasures());
		}
	}

	/** Staff performance: every staff member of the sheet, a row each, agents first. */
	public static void staff(TableWorkbook workbook, StaffSheet sheet, String title) {
		Table table = workbook.table("员工绩效", title, List.of("类别", "工号", "姓名", "部门", "受理", "办结", "完工", "按时", "超时",
				"按时率(%)", "回访完成", "回访接通", "满意", "满意率(%)", "表扬", "被投诉", "其中有效", "其中无效"));
		for (StaffRow r : sheet.rows()) {
			table.row(STAFF_GROUPS.get(r.group()), r.staffNumber(), r.name(), r.departmentName(), r.received(),
					r.handled(), r.completed(), r.met(), r.breached(), r.onTimeRate(), r.callbacksMade(), r.reached(),
					r.satisfied(), r.satisfactionRate(), r.praise(), r.complaints(), r.validComplaints(),
					r.invalidComplaints());
		}
	}

	private static void quarterRate(Table table, String label, QuarterlyFigures.Rate rate) {
		table.row(label + "（" + rate.count() + " / " + rate.of() + "）", rate.value());
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
