package io.kefu.report.domain;

import java.time.Instant;

import io.kefu.report.AnalysisState;
import io.kefu.report.Quarter;
import io.kefu.report.QuarterlyAnalysisDetails.Signature;
import io.kefu.report.WrittenSections;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.StaleDataException;

/**
 * A quarterly complaint analysis (季度投诉分析报告) of a site, or of the whole company
 * (no site). It guards its own steps: written
 * while a draft, submitted with every section filled in, then approved (frozen with the
 * figures of that moment) or returned to draft with a reason.
 */
public class QuarterlyComplaintAnalysis {

	public static final int MAX_SECTION = 5000;

	public static final int MAX_NOTE = 500;

	private final Long id;

	private final Long siteId;

	private final Quarter quarter;

	private final int version;

	private AnalysisState state;

	private WrittenSections sections;

	private Signature drafted;

	private Signature submitted;

	private Signature approved;

	private String returnNote;

	private String snapshot;

	private Instant changedAt;

	QuarterlyComplaintAnalysis(Long id, Long siteId, Quarter quarter, AnalysisState state, WrittenSections sections,
			Signature drafted, Signature submitted, Signature approved, String returnNote, String snapshot,
			Instant changedAt, int version) {
		this.id = id;
		this.siteId = siteId;
		this.quarter = quarter;
		this.state = state;
		this.sections = sections;
		this.drafted = drafted;
		this.submitted = submitted;
		this.approved = approved;
		this.returnNote = returnNote;
		this.snapshot = snapshot;
		this.changedAt = changedAt;
		this.version = version;
	}

	/** A blank draft of the site's (null: the company's) quarter, started by {@code by}. */
	public static QuarterlyComplaintAnalysis start(Long siteId, Quarter quarter, Signature by) {
		return new QuarterlyComplaintAnalysis(null, siteId, quarter, AnalysisState.DRAFT,
				new WrittenSections("", "", ""), by, null, null, null, null, by.at(), 0);
	}

	/** The form was filled in on an older version: someone else has changed the report since. */
	public void requireVersion(int seen) {
		if (seen != version) {
			throw new StaleDataException("该报告已被他人修改，您的更改没有保存，请刷新后重试");
		}
	}

	/** The written sections, while a draft; each may stay empty until it is submitted. */
	public void write(WrittenSections text, Signature by) {
		requireDraft("修改");
		WrittenSections written = new WrittenSections(section("analysis", "原因分析", text.analysis()),
				section("correctiveMeasures", "纠正措施", text.correctiveMeasures()),
				section("preventiveMeasures", "预防措施", text.preventiveMeasures()));
		sections = written;
		drafted = by;
		changedAt = by.at();
	}

	public void submit(Signature by) {
		requireDraft("提交");
		required("analysis", "原因分析", sections.analysis());
		required("correctiveMeasures", "纠正措施", sections.correctiveMeasures());
		required("preventiveMeasures", "预防措施", sections.preventiveMeasures());
		state = AnalysisState.SUBMITTED;
		submitted = by;
		changedAt = by.at();
	}

	/** Approves the submitted report and freezes {@code figures}, the computed sections of this moment. */
	public void approve(Signature by, String figures) {
		requireSubmitted("批准");
		state = AnalysisState.APPROVED;
		approved = by;
		snapshot = figures;
		returnNote = null;
		changedAt = by.at();
	}

	/** Sends the submitted report back to its writers (退回) with what is wanting. */
	public void returnToDraft(String note, Signature by) {
		requireSubmitted("退回");
		String reason = note == null ? "" : note.strip();
		if (reason.isEmpty()) {
			throw new InvalidInputException("note", "请填写退回原因");
		}
		if (reason.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "退回原因不能超过 " + MAX_NOTE + " 个字");
		}
		state = AnalysisState.DRAFT;
		returnNote = reason;
		submitted = null;
		changedAt = by.at();
	}

	private void requireDraft(String action) {
		if (state == AnalysisState.APPROVED) {
			throw new InvalidInputException("state", "报告已批准，不能再" + action);
		}
		if (state == AnalysisState.SUBMITTED) {
			throw new InvalidInputException("state", "报告已提交待批准，不能再" + action + "；如需修改，请由领导退回");
		}
	}

	private void requireSubmitted(String action) {
		if (state != AnalysisState.SUBMITTED) {
			throw new InvalidInputException("state",
					(state == AnalysisState.APPROVED ? "报告已批准" : "报告尚未提交") + "，不能" + action);
		}
	}

	private static String section(String field, String name, String text) {
		String value = text == null ? "" : text.strip();
		if (value.length() > MAX_SECTION) {
			throw new InvalidInputException(field, name + "不能超过 " + MAX_SECTION + " 个字");
		}
		return value;
	}

	private static void required(String field, String name, String text) {
		if (text.isBlank()) {
			throw new InvalidInputException(field, "请填写" + name);
		}
	}

	public Long id() {
		return id;
	}

	/** Null for the company's report. */
	public Long siteId() {
		return siteId;
	}

	public Quarter quarter() {
		return quarter;
	}

	public AnalysisState state() {
		return state;
	}

	public WrittenSections sections() {
		return sections;
	}

	public Signature drafted() {
		return drafted;
	}

	public Signature submitted() {
		return submitted;
	}

	public Signature approved() {
		return approved;
	}

	public String returnNote() {
		return returnNote;
	}

	public String snapshot() {
		return snapshot;
	}

	public Instant changedAt() {
		return changedAt;
	}

	public int version() {
		return version;
	}
}
