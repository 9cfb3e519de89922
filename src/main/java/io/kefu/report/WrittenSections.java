package io.kefu.report;

/** What quality staff write into a quarterly analysis: 原因分析, 纠正措施, 预防措施. */
public record WrittenSections(String analysis, String correctiveMeasures, String preventiveMeasures) {
}
