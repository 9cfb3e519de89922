package io.kefu.callback;

import io.kefu.shared.Satisfaction;

/** The customer was reached: how, how satisfied, and what they said. */
public record CallbackOutcome(CallbackMethod method, Satisfaction satisfaction, String comment) {
}
