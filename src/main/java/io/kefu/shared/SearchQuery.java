package io.kefu.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person searches for: words separated by spaces, each found as a phrase (its
 * bigrams next to each other), all of them in the same document. Refuses input of only
 * spaces or punctuation and input over {@value #MAX_LENGTH} characters, so nothing is
 * searched for them.
 */
public final class SearchQuery {

	public static final int MAX_LENGTH = 1000;

	private static final int SNIPPET_BEFORE = 30;

	private static final int SNIPPET_LENGTH = 120;

	/** A word of the query as its runs, e.g. 3号楼 as 3 and 号楼. */
	private final List<List<String>> words;

	private SearchQuery(List<List<String>> words) {
		this.words = words;
	}

	public static SearchQuery parse(String input) {
		if (input != null && input.length() > MAX_LENGTH) {
			throw new InvalidInputException("q", "搜索内容超过 " + MAX_LENGTH + " 个字，请缩短后再搜索");
		}
		List<List<String>> words = new ArrayList<>();
		for (String word : (input == null ? "" : input).strip().split("\\s+")) {
			List<String> runs = SearchTerms.runs(word);
			if (!runs.isEmpty()) {
				words.add(runs);
			}
		}
		if (words.isEmpty()) {
			throw new InvalidInputException("q", "请输入要搜索的文字（只有空格或标点无法搜索）");
		}
		return new SearchQuery(words);
	}

	/** A {@code tsquery} literal finding every word as a phrase; cast with {@code cast(:q as tsquery)}. */
	public String allWords() {
		return words.stream().map(SearchQuery::phrase).collect(Collectors.joining(" & "));
	}

	/**
	 * A {@code tsquery} literal finding any term of the text, for suggesting documents that
	 * share words with a text being typed; ranking puts those that share most first.
	 */
	public String anyTerm() {
		return words.stream()
			.flatMap(List::stream)
			.flatMap(run -> SearchTerms.terms(run).stream())
			.distinct()
			.map(SearchQuery::lexeme)
			.collect(Collectors.joining(" | "));
	}

	private static String phrase(List<String> runs) {
		return runs.stream()
			.flatMap(run -> SearchTerms.terms(run).stream().map(term -> lexeme(run, term)))
			.collect(Collectors.joining(" <-> ", "(", ")"));
	}

	/** A lone Han character is indexed inside bigrams, so it is found as their prefix. */
	private static String lexeme(String run, String term) {
		boolean lone = SearchTerms.isHan(run) && run.codePointCount(0, run.length()) == 1;
		return lexeme(term) + (lone ? ":*" : "");
	}

	private static String lexeme(String term) {
		return "'" + term + "'";
	}

	/**
	 * The part of the text around the first match, split into plain and highlighted parts;
	 * the whole text when it is short.
	 */
	public List<Snippet> snippet(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		String lower = text.toLowerCase(Locale.ROOT);
		List<String> needles = words.stream().flatMap(List::stream).distinct().toList();
		int first = needles.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
		int start = Math.max(0, Math.min(first - SNIPPET_BEFORE, text.length() - SNIPPET_LENGTH));
		int end = Math.min(text.length(), start + SNIPPET_LENGTH);
		boolean[] marked = new boolean[end - start];
		for (String needle : needles) {
			for (int i = lower.indexOf(needle, start); i >= 0 && i < end; i = lower.indexOf(needle, i + 1)) {
				for (int j = i; j < Math.min(end, i + needle.length()); j++) {
					marked[j - start] = true;
				}
			}
		}
		List<Snippet> parts = new ArrayList<>();
		if (start > 0) {
			parts.add(new Snippet("…", false));
		}
		int from = start;
		for (int i = start + 1; i <= end; i++) {
			if (i == end || marked[i - start] != marked[from - start]) {
				parts.add(new Snippet(text.substring(from, i), marked[from - start]));
				from = i;
			}
		}
		if (end < text.length()) {
			parts.add(new Snippet("…", false));
		}
		return parts;
	}

	/** A piece of a snippet; {@code match} when it is what was searched for. */
	public record Snippet(String text, boolean match) {
	}
}
