package io.kefu.survey;

import java.time.LocalDate;

/** An improvement action (整改) drawn from a wave's results: what, whose, by when. */
public record ImprovementActionInput(String what, long ownerId, LocalDate dueDate) {
}
