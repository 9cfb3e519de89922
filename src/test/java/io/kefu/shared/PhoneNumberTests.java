package io.kefu.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTests {

	@Test
	void readsMobileNumbersAsPeopleTypeThem() {
		assertThat(PhoneNumber.parse("138 0013 8000").value()).isEqualTo("13800138000");
		assertThat(PhoneNumber.parse("+86 138-0013-8000").value()).isEqualTo("13800138000");
		assertThat(PhoneNumber.parse("13800138000").lastFour()).isEqualTo("8000");
	}

	@Test
	void readsLandlinesWithAreaCodeAndExtension() {
		assertThat(PhoneNumber.parse("057188886666").value()).isEqualTo("0571-88886666");
		assertThat(PhoneNumber.parse("0571-8888666转123").value()).isEqualTo("0571-8888666-123");
		assertThat(PhoneNumber.parse("010 12345678").lastFour()).isEqualTo("5678");
	}

	@Test
	void rejectsWhatIsNotAPhoneNumberInChinese() {
		assertThatThrownBy(() -> PhoneNumber.parse("12345")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不是有效的电话号码");
		assertThatThrownBy(() -> PhoneNumber.parse("23800138000")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> PhoneNumber.parse("abc")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> PhoneNumber.parse(" ")).hasMessage("请填写电话号码");
	}

	@Test
	void masksTheMiddle() {
		assertThat(PhoneNumber.mask("13800138000")).isEqualTo("138****8000");
		assertThat(PhoneNumber.mask("0571-88886666")).isEqualTo("0571-****6666");
		assertThat(PhoneNumber.mask(null)).isNull();
	}
}
