package io.kefu.survey.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kefu.shared.Satisfaction;
import io.kefu.survey.ResultRow;
import io.kefu.survey.SurveyResults;

import org.springframework.context.MessageSource;

/** The figures of the results page as the charts script reads them (JSON-ready maps and lists). */
final class ResultCharts {

	private ResultCharts() {
	}

	static Map<String, Object> of(SurveyResults results, MessageSource messages, Locale locale) {
		List<String> levels = Arrays.stream(Satisfaction.values())
			.map(level -> messages.getMessage(level.labelKey(), null, locale))
			.toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("levels", levels);
		chart.put("current", results.wave().name());
		chart.put("previous", results.previousWaveName());
		chart.put("sections", rates(results.sections()));
		chart.put("buildings", distribution(results.buildings()));
		chart.put("site", counts(results.site()));
		return chart;
	}

	private static Map<String, Object> rates(List<ResultRow> rows) {
		Map<String, Object> rates = new LinkedHashMap<>();
		rates.put("names", rows.stream().map(ResultRow::label).toList());
		rates.put("rates", rows.stream().map(ResultRow::rate).toList());
		rates.put("previousRates", rows.stream().map(ResultRow::previousRate).toList());
		return rates;
	}

	private static Map<String, Object> distribution(List<ResultRow> rows) {
		Map<String, Object> distribution = new LinkedHashMap<>();
		distribution.put("names", rows.stream().map(ResultRow::label).toList());
		List<List<Long>> series = new ArrayList<>();
		for (Satisfaction level : Satisfaction.values()) {
			series.add(rows.stream().map(row -> row.counts().count(level)).toList());
		}
		distribution.put("series", series);
		return distribution;
	}

	private static List<Long> counts(ResultRow row) {
		return Arrays.stream(Satisfaction.values()).map(level -> row.counts().count(level)).toList();
	}
}
