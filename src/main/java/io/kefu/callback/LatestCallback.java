package io.kefu.callback;

import io.kefu.shared.Satisfaction;

/** A request's latest callback: where it stands and, once the customer was reached, what they said. */
public record LatestCallback(long requestId, CallbackState state, Satisfaction satisfaction, String comment) {

	/** As a register writes it: 已回访 · 满意 · 修得很好. */
	public String text() {
		StringBuilder text = new StringBuilder(state.label());
		if (satisfaction != null) {
			text.append(" · ").append(satisfaction.label());
		}
		if (comment != null && !comment.isBlank()) {
			text.append(" · ").append(comment.strip());
		}
		return text.toString();
	}
}
