package io.kefu.script;

import java.util.List;

/**
 * A phrase never to say or write to a customer (服务禁忌用语), with what to say instead.
 *
 * @param standalone only when it stands alone between punctuation, like a bare 不 as a refusal
 * @param allowed    longer words containing it that are fine, like 不知道您 in a polite question
 */
public record ForbiddenPhrase(long id, String phrase, boolean standalone, String suggestion, List<String> allowed) {

	public ForbiddenPhrase {
		allowed = List.copyOf(allowed);
	}
}
