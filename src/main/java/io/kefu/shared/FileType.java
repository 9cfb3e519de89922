package io.kefu.shared;

import java.util.Optional;

/**
 * What a file really is, read from its first bytes (never from its name or the type
 * the browser claims): the kinds Kefu accepts for photos, signatures and archives.
 */
public enum FileType {

	PNG("image/png"), JPEG("image/jpeg"), PDF("application/pdf");

	private final String mediaType;

	FileType(String mediaType) {
		this.mediaType = mediaType;
	}

	public String mediaType() {
		return mediaType;
	}

	public static Optional<FileType> of(byte[] b) {
		if (b == null) {
			return Optional.empty();
		}
		if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return Optional.of(PNG);
		}
		if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}
}
