package io.kefu.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Text cut into the terms that PostgreSQL indexes for Chinese search: each run of Han
 * characters becomes its overlapping bigrams (a lone character stays a unigram), each
 * run of letters or digits one lower-cased word; everything else separates runs.
 * PostgreSQL's own parsers know no Chinese words and pg_trgm needs three characters,
 * so two-character words such as 漏水 would otherwise need a scan.
 */
public final class SearchTerms {

	private SearchTerms() {
	}

	/** The runs of the text: Han runs and letter-or-digit runs, in order. */
	static List<String> runs(String text) {
		List<String> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		boolean han = false;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
			boolean isWord = !isHan && Character.isLetterOrDigit(cp);
			if ((!isHan && !isWord) || (run.length() > 0 && isHan != han)) {
				flush(run, runs);
			}
			if (isHan || isWord) {
				han = isHan;
				run.appendCodePoint(isWord ? Character.toLowerCase(cp) : cp);
			}
		}
		flush(run, runs);
		return runs;
	}

	private static void flush(StringBuilder run, List<String> runs) {
		if (run.length() > 0) {
			runs.add(run.toString());
			run.setLength(0);
		}
	}

	static boolean isHan(String run) {
		return Character.UnicodeScript.of(run.codePointAt(0)) == Character.UnicodeScript.HAN;
	}

	/** The terms of one run: bigrams of a Han run, or the run itself. */
	static List<String> terms(String run) {
		if (!isHan(run) || run.codePointCount(0, run.length()) == 1) {
			return List.of(run);
		}
		List<String> bigrams = new ArrayList<>();
		int[] cps = run.codePoints().toArray();
		for (int i = 0; i + 1 < cps.length; i++) {
			bigrams.add(new String(cps, i, 2));
		}
		return bigrams;
	}

	/** The terms of the text in order, as they are indexed. */
	public static List<String> of(String text) {
		List<String> terms = new ArrayList<>();
		for (String run : runs(text == null ? "" : text)) {
			terms.addAll(terms(run));
		}
		return terms;
	}

	/**
	 * A {@code tsvector} literal of weighted fields, each term at its position; the fields
	 * follow one another with a gap so that no phrase runs from one into the next. Cast
	 * with {@code cast(:doc as tsvector)}: no text search parser touches the terms.
	 */
	public static String vector(Field... fields) {
		StringBuilder vector = new StringBuilder();
		int position = 1;
		for (Field field : fields) {
			for (String term : of(field.text())) {
				if (vector.length() > 0) {
					vector.append(' ');
				}
				vector.append('\'').append(term).append("':").append(Math.min(position++, MAX_POSITION)).append(field.weight());
			}
			position += 2;
		}
		return vector.toString();
	}

	static final int MAX_POSITION = 16383;

	/** One part of a document, weighted A (most important) to D. */
	public record Field(String text, char weight) {

		public static Field a(String text) {
			return new Field(text, 'A');
		}

		public static Field b(String text) {
			return new Field(text, 'B');
		}
	}
}
