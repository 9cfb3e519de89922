package io.kefu.script;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.kefu.script.domain.ForbiddenPhrases;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forbidden-phrase list (服务禁忌用语), the check of texts written to customers, and
 * the overrides: a text sent although it has forbidden phrases is recorded with the reason.
 */
@Service
public class ForbiddenPhraseManagement {

	public static final int MAX_PHRASE = 20;

	public static final int MAX_REASON = 200;

	public static final int MAX_TEXT = 5000;

	public static final int MAX_OVERRIDES = 500;

	private final ForbiddenPhrases forbidden;

	private final Clock clock;

	ForbiddenPhraseManagement(ForbiddenPhrases forbidden, Clock clock) {
		this.forbidden = forbidden;
		this.clock = clock;
	}

	public List<ForbiddenPhrase> list() {
		return forbidden.all();
	}

	/** The text with the forbidden phrases found in it. */
	public CheckedText check(String text) {
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidInputException("text", "文字超过 " + MAX_TEXT + " 个字，无法检查");
		}
		return new ForbiddenPhraseCheck(forbidden.all()).check(text == null ? "" : text);
	}

	@Transactional
	public ForbiddenPhrase add(CurrentUser user, ForbiddenPhraseInput input) {
		requireEditor(user);
		String phrase = input.phrase() == null ? "" : input.phrase().strip();
		if (phrase.isEmpty()) {
			throw new InvalidInputException("phrase", "禁忌用语不能为空");
		}
		if (phrase.codePoints().allMatch(ForbiddenPhraseCheck::isBoundary)) {
			throw new InvalidInputException("phrase", "禁忌用语不能只有标点或空格，否则每段文字都会被拦下");
		}
		if (phrase.length() > MAX_PHRASE) {
			throw new InvalidInputException("phrase", "禁忌用语不能超过 " + MAX_PHRASE + " 个字");
		}
		if (phrase.codePointCount(0, phrase.length()) == 1 && !input.standalone()) {
			throw new InvalidInputException("phrase", "单个字会在许多正常用语中出现（如“不客气”），只能设为“单独成句时才算”");
		}
		if (input.suggestion() == null || input.suggestion().isBlank()) {
			throw new InvalidInputException("suggestion", "请填写建议的替代说法");
		}
		List<String> allowed = input.allowed() == null ? List.of()
				: input.allowed().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (allowed.stream().anyMatch(word -> !word.contains(phrase))) {
			throw new InvalidInputException("allowed", "例外词必须包含禁忌用语本身，例如“不知道您”包含“不知道”");
		}
		if (forbidden.findByPhrase(phrase).isPresent()) {
			throw new InvalidInputException("phrase", "“" + phrase + "”已在禁忌用语中");
		}
		ForbiddenPhraseInput clean = new ForbiddenPhraseInput(phrase, input.standalone(), input.suggestion().strip(), allowed);
		forbidden.create(clean, user.displayName(), clock.instant());
		return forbidden.findByPhrase(phrase).orElseThrow();
	}

	@Transactional
	public void remove(CurrentUser user, long id) {
		requireEditor(user);
		if (!forbidden.delete(id)) {
			throw new NotFoundException("没有找到该禁忌用语");
		}
	}

	/**
	 * Records that the agent sends the text with its forbidden phrases, and why. A text
	 * without forbidden phrases needs no reason and records nothing.
	 */
	@Transactional
	public PhraseOverride recordOverride(CurrentUser agent, OverrideInput input) {
		if (input.reason() == null || input.reason().isBlank()) {
			throw new InvalidInputException("reason", "请说明仍要使用这些用语的理由");
		}
		if (input.reason().length() > MAX_REASON) {
			throw new InvalidInputException("reason", "理由不能超过 " + MAX_REASON + " 个字");
		}
		if (input.context() == null || !input.context().matches("[a-z-]{1,40}")) {
			throw new InvalidInputException("context", "缺少文字的用途");
		}
		CheckedText checked = check(input.text());
		if (checked.clean()) {
			throw new InvalidInputException("text", "这段文字没有禁忌用语，无需说明理由");
		}
		List<String> phrases = checked.findings().stream().map(Finding::phrase).distinct().toList();
		Instant at = clock.instant();
		long id = forbidden.recordOverride(agent, input.context(), blankToNull(input.reference()), phrases, input.text(),
				input.reason().strip(), at);
		return new PhraseOverride(id, agent.username(), agent.displayName(), input.context(),
				blankToNull(input.reference()), phrases, input.text(), input.reason().strip(), at);
	}

	/**
	 * Refuses a text for a customer that has forbidden phrases unless the agent gave a
	 * reason for exactly this text within the last hour: what the pages ask before
	 * sending, checked again where the text arrives.
	 */
	public void requireCheckedOrOverridden(CurrentUser agent, String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		String sent = text.replace("\r\n", "\n");
		CheckedText checked = check(sent);
		if (!checked.clean() && !forbidden.overridden(agent.accountId(), sent, clock.instant().minus(Duration.ofHours(1)))) {
			throw new InvalidInputException("text", "文字中有服务禁忌用语（"
					+ checked.findings().stream().map(Finding::phrase).distinct().collect(Collectors.joining("、"))
					+ "），请修改，或说明理由后再发送");
		}
	}

	/** The overrides in the period, newest first, for supervisors. */
	public List<PhraseOverride> overrides(CurrentUser user, Instant from, Instant to) {
		requireEditor(user);
		if (!from.isBefore(to)) {
			throw new InvalidInputException("from", "开始日期必须早于结束日期");
		}
		return forbidden.overrides(from, to, MAX_OVERRIDES);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static void requireEditor(CurrentUser user) {
		if (!PhraseManagement.mayEdit(user)) {
			throw new AccessDeniedException("editing forbidden phrases");
		}
	}
}
