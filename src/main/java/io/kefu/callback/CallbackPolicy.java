package io.kefu.callback;

import io.kefu.request.RequestType;

/** Whether resolved requests of a type (or of one category of it) are called back. */
public record CallbackPolicy(RequestType type, Long categoryId, String categoryName, boolean required) {
}
