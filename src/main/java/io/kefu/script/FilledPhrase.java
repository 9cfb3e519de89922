package io.kefu.script;

/** A phrase ready to say: its placeholders filled. */
public record FilledPhrase(long id, Scene scene, String text) {
}
