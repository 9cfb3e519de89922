package io.kefu.script;

import java.util.List;

/** A forbidden-list entry as a supervisor writes it. */
public record ForbiddenPhraseInput(String phrase, boolean standalone, String suggestion, List<String> allowed) {
}
