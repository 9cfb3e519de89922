package io.kefu.callback;

/** The queue's counts: open callbacks, those overdue, those waiting for rain. */
public record CallbackCounts(long open, long overdue, long waitingForRain) {
}
