package io.kefu.script;

/**
 * A standard phrase of a scene, for the whole company or one site ({@code siteId}), for
 * every request type or one ({@code requestType}, the name of the request module's type).
 */
public record Phrase(long id, Scene scene, int position, String text, Long siteId, String requestType, int version) {
}
