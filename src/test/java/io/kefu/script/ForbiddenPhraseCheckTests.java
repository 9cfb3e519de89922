package io.kefu.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenPhraseCheckTests {

	static final ForbiddenPhraseCheck check = new ForbiddenPhraseCheck(List.of(
			new ForbiddenPhrase(1, "不知道", false, "我帮您确认后答复您", List.of("不知道您")),
			new ForbiddenPhrase(2, "不归我管", false, "我帮您联系负责的部门", List.of()),
			new ForbiddenPhrase(3, "没办法", false, "我尽力为您协调", List.of()),
			new ForbiddenPhrase(4, "你自己看着办", false, "您看这样处理是否可以", List.of()),
			new ForbiddenPhrase(5, "不", true, "很抱歉，暂时办不了，我们可以这样安排", List.of())));

	@Test
	void findsEachForbiddenPhraseWithItsSuggestion() {
		CheckedText checked = check.check("这个我不知道，也不归我管，没办法，你自己看着办吧。");
		assertThat(checked.findings()).extracting(Finding::phrase).containsExactly("不知道", "不归我管", "没办法", "你自己看着办");
		assertThat(checked.findings().get(0).suggestion()).isEqualTo("我帮您确认后答复您");
		assertThat(checked.findings().get(0).start()).isEqualTo(3);
	}

	@Test
	void aBareRefusalIsFound() {
		assertThat(check.check("不，这个办不了。").findings()).extracting(Finding::phrase).containsExactly("不");
		assertThat(check.check("不!").findings()).hasSize(1);
		assertThat(check.check("我说了 不 。").findings()).hasSize(1);
	}

	@Test
	void ordinaryWordsWithTheSameCharactersAreNoFalseAlarm() {
		for (String text : List.of("不客气，这是我们应该做的。", "不好意思，让您久等了。", "不用谢，祝您生活愉快！",
				"不知道您明天上午是否方便？", "我们会尽快处理，请不要担心。", "办法我们来想，请放心。")) {
			assertThat(check.check(text).clean()).as(text).isTrue();
		}
	}

	@Test
	void anAllowedWordDoesNotHideTheSamePhraseElsewhere() {
		assertThat(check.check("不知道您是否方便？我不知道。").findings()).extracting(Finding::start).containsExactly(10);
	}

	@Test
	void highlightsThePartsOfTheText() {
		assertThat(check.check("我不知道").parts()).extracting(CheckedText.Part::text).containsExactly("我", "不知道");
	}

	@Test
	void aLongReplyIsCheckedQuickly() {
		String reply = "您好，关于您反映的问题我们已经安排师傅上门处理，".repeat(80) + "不知道";
		long start = System.nanoTime();
		CheckedText checked = check.check(reply);
		assertThat(checked.findings()).hasSize(1);
		assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
	}
}
