package io.kefu.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoomCodeTests {

	@Test
	void acceptsBuildingHashEntranceFloorRoom() {
		assertThat(RoomCode.parse(" 180#1-1-1 ").value()).isEqualTo("180#1-1-1");
		assertThat(RoomCode.parse("a座＃1－12－05").value()).isEqualTo("A座#1-12-05");
		assertThat(RoomCode.of("181", 2, 6, 1).value()).isEqualTo("181#2-6-1");
	}

	@Test
	void rejectsMalformedCodesWithTheExpectedShape() {
		assertThatThrownBy(() -> RoomCode.parse("180-1-1")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("180#1-1-1");
		assertThatThrownBy(() -> RoomCode.parse("180#1 1 1")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> RoomCode.parse("<b>#1-1-1")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> RoomCode.parse("")).hasMessage("请填写房号");
	}
}
