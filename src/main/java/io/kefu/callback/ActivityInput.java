package io.kefu.callback;

import java.time.LocalDate;
import java.util.List;

/** A community activity (社区活动) as staff record it: where, what, when, and the rooms of the households that took part. */
public record ActivityInput(Long siteId, String name, LocalDate heldOn, List<String> roomCodes) {
}
