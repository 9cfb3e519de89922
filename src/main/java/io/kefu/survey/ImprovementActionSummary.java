package io.kefu.survey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An improvement action (整改) and how far it has come.
 *
 * @param ownerId the owner's account
 * @param overdue not done by its due date
 */
public record ImprovementActionSummary(long id, long waveId, String waveName, long siteId, String what, long ownerId,
		String ownerName, LocalDate dueDate, ActionStatus status, String verificationNote, Instant doneAt,
		Instant verifiedAt, String verifiedBy, boolean overdue, int version) {
}
