package io.kefu.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTests {

	@Test
	void checksTheCheckDigit() {
		String first17 = "11010519491231002";
		String valid = first17 + IdNumber.checkDigit(first17);
		assertThat(IdNumber.parse(valid).value()).isEqualTo("11010519491231002X");
		assertThatThrownBy(() -> IdNumber.parse(first17 + "1")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不是有效的身份证号码");
	}

	@Test
	void masksAllButTheEnds() {
		assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
	}
}
