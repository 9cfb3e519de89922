package io.kefu.script;

/** A phrase as a supervisor writes it; {@code version} of the phrase read, for a change. */
public record PhraseInput(Scene scene, Integer position, String text, Long siteId, String requestType, Integer version) {
}
