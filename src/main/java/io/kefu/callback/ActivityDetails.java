package io.kefu.callback;

import java.util.List;

/** A community activity with the callbacks of its sampled participants. */
public record ActivityDetails(ActivitySummary activity, List<ActivityCallback> callbacks) {
}
