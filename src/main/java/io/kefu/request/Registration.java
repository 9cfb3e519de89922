package io.kefu.request;

/** The outcome of an intake: the request's id, its number to read out, and whether a retry replayed it. */
public record Registration(long id, String number, RequestStatus status, boolean replayed) {
}
