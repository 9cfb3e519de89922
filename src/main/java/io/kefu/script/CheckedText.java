package io.kefu.script;

import java.util.ArrayList;
import java.util.List;

/** A text with the forbidden phrases found in it, in order. */
public record CheckedText(String text, List<Finding> findings) {

	public CheckedText {
		findings = List.copyOf(findings);
	}

	public boolean clean() {
		return findings.isEmpty();
	}

	/** The text in parts, each forbidden phrase its own part with its finding, for highlighting. */
	public List<Part> parts() {
		List<Part> parts = new ArrayList<>();
		int at = 0;
		for (Finding finding : findings) {
			if (finding.start() > at) {
				parts.add(new Part(text.substring(at, finding.start()), null));
			}
			parts.add(new Part(text.substring(finding.start(), finding.end()), finding));
			at = finding.end();
		}
		if (at < text.length()) {
			parts.add(new Part(text.substring(at), null));
		}
		return parts;
	}

	public record Part(String text, Finding finding) {
	}
}
