package io.kefu.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds forbidden phrases in a text. A phrase inside a longer word the entry allows is no
 * finding (不知道您 is a polite question), and a standalone entry counts only between
 * punctuation, spaces or the ends of the text (不，… but not 不客气 or 不好意思).
 */
public final class ForbiddenPhraseCheck {

	private final List<ForbiddenPhrase> phrases;

	public ForbiddenPhraseCheck(List<ForbiddenPhrase> phrases) {
		this.phrases = List.copyOf(phrases);
	}

	public CheckedText check(String text) {
		List<Finding> found = new ArrayList<>();
		for (ForbiddenPhrase phrase : phrases) {
			String needle = phrase.phrase();
			for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
				int end = i + needle.length();
				if ((!phrase.standalone() || standsAlone(text, i, end)) && !insideAllowed(text, i, end, phrase.allowed())) {
					found.add(new Finding(i, end, needle, phrase.suggestion()));
				}
			}
		}
		found.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> -f.end()));
		List<Finding> findings = new ArrayList<>();
		int covered = 0;
		for (Finding finding : found) {
			if (finding.start() >= covered) {
				findings.add(finding);
				covered = finding.end();
			}
		}
		return new CheckedText(text, findings);
	}

	private static boolean standsAlone(String text, int start, int end) {
		return (start == 0 || isBoundary(text.codePointBefore(start)))
				&& (end == text.length() || isBoundary(text.codePointAt(end)));
	}

	static boolean isBoundary(int codePoint) {
		return !Character.isLetterOrDigit(codePoint);
	}

	/** Whether an allowed word covers the match from {@code start} to {@code end}. */
	private static boolean insideAllowed(String text, int start, int end, List<String> allowed) {
		for (String word : allowed) {
			int from = Math.max(0, start - word.length());
			for (int i = text.indexOf(word, from); i >= 0 && i <= start; i = text.indexOf(word, i + 1)) {
				if (i + word.length() >= end) {
					return true;
				}
			}
		}
		return false;
	}
}
