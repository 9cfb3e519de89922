package io.kefu.request;

/** A category of a request type; {@code parentId} is null at the top of the tree; retired ones are not active. */
public record Category(long id, RequestType type, Long parentId, String name, boolean active) {
}
