package io.kefu.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The household page (一户一档): people, rooms and archive documents on one page. */
public record HouseholdDetails(long id, long siteId, String siteName, String name, HouseholdState state,
		LocalDate moveInDate, String note, int version, List<PersonDetails> people, List<RoomSummary> rooms,
		List<ArchiveItem> archive) {

	/** One line of the archive checklist, with its attachments. */
	public record ArchiveItem(ArchiveDocumentKind kind, boolean onFile, String note, List<Attachment> attachments) {
	}

	public record Attachment(long id, String filename, long size, Instant uploadedAt, String uploadedBy) {
	}
}
