package io.kefu.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeTests {

	@Test
	void readsTheKindFromTheFirstBytesNotTheName() {
		assertThat(FileType.of(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 })).contains(FileType.PNG);
		assertThat(FileType.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 })).contains(FileType.JPEG);
		assertThat(FileType.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
		assertThat(FileType.of("<html>PNG</html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(FileType.of(new byte[0])).isEmpty();
		assertThat(FileType.of(null)).isEmpty();
	}
}
