package io.kefu.callback;

/** The customer was reached: how, how satisfied, and what they said. */
public record CallbackOutcome(CallbackMethod method, Satisfaction satisfaction, String comment) {
}
