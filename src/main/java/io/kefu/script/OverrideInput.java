package io.kefu.script;

/** The reason an agent gives for sending a text with forbidden phrases. */
public record OverrideInput(String context, String reference, String text, String reason) {
}
