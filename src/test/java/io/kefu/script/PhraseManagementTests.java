package io.kefu.script;

import io.kefu.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseManagementTests {

	@Test
	void fillsThePlaceholdersAndLeavesTheUnknownToSay() {
		PhraseContext context = new PhraseContext("锦绣物业", "0007", "王", null, "BA01-260101-0001", null);
		assertThat(context.fill("我是{公司}客服专员，工号{工号}，我姓{姓}。{称呼}，单号{单号}"))
			.isEqualTo("我是锦绣物业客服专员，工号0007，我姓王。【称呼】，单号BA01-260101-0001");
	}

	@Test
	void refusesAPlaceholderThatDoesNotExist() {
		assertThatThrownBy(() -> PhraseManagement.checkPlaceholders("您好，{客户名}"))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("{客户名} 不存在");
		assertThatThrownBy(() -> PhraseManagement.checkPlaceholders("您好，{工号"))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("不成对");
	}

	@Test
	void theSurnameIsTheFirstCharacterOrACompoundSurname() {
		assertThat(PhraseManagement.surname("王小丽")).isEqualTo("王");
		assertThat(PhraseManagement.surname("欧阳娜娜")).isEqualTo("欧阳");
	}
}
