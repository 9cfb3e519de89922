package io.kefu.request;

/**
 * A photo as it arrived with an intake, not yet checked: the file name and content
 * type the browser claimed, and the bytes.
 */
public record PhotoUpload(String filename, String declaredType, byte[] content) {
}
