package io.kefu.script;

/** A forbidden phrase found in a text, from {@code start} (inclusive) to {@code end}, with its replacement. */
public record Finding(int start, int end, String phrase, String suggestion) {
}
