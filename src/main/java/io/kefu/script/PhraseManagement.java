package io.kefu.script;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kefu.script.domain.Phrases;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.SearchQuery;
import io.kefu.shared.StaleDataException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The phrase library: what to say at each step, filled for the call; supervisors edit it. */
@Service
public class PhraseManagement {

	/** Who may edit the library. */
	public static final Set<Role> EDITORS = Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR);

	/** The request module's types, by name, that a phrase may be limited to. */
	public static final List<String> REQUEST_TYPES = List.of("INQUIRY", "REPAIR", "COMPLAINT", "SUGGESTION", "PRAISE",
			"PAID_SERVICE", "HELP");

	public static final int MAX_TEXT = 500;

	private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");

	private static final int SEARCH_LIMIT = 20;

	/** Two-character surnames (复姓) that agents are likely to have; any other name starts with a one-character surname. */
	private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
			"公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫");

	private final Phrases phrases;

	private final ScriptSettings settings;

	private final Clock clock;

	PhraseManagement(Phrases phrases, ScriptSettings settings, Clock clock) {
		this.phrases = phrases;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void indexDefaults() {
		phrases.indexMissing();
	}

	public static boolean mayEdit(CurrentUser user) {
		return EDITORS.stream().anyMatch(user::hasRole);
	}

	/** The agent's side of a call: the company, the agent's number (工号, their username) and surname. */
	public PhraseContext contextFor(CurrentUser agent) {
		return new PhraseContext(settings.company(), agent.username(), surname(agent.displayName()), null, null, null);
	}

	static String surname(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String trimmed = name.strip();
		return COMPOUND_SURNAMES.stream().filter(trimmed::startsWith).findFirst()
			.orElse(trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)));
	}

	/** The phrases of the scenes, in the scenes' order, filled from the context. */
	public List<FilledPhrase> filled(List<Scene> scenes, Long siteId, String requestType, PhraseContext context) {
		return phrases.forScenes(scenes, siteId, requestType)
			.stream()
			.map(p -> new FilledPhrase(p.id(), p.scene(), context.fill(p.text())))
			.toList();
	}

	/** The callback opening (回访开场) as the agent says it to the customer about the request. */
	public List<FilledPhrase> callbackOpening(CurrentUser agent, Long siteId, String customerTitle, String requestNumber) {
		PhraseContext context = contextFor(agent).withCustomerTitle(customerTitle).withRequestNumber(requestNumber);
		return filled(List.of(Scene.CALLBACK_OPENING), siteId, null, context);
	}

	/** The whole library of the company and the user's sites, for the editors' page. */
	public List<Phrase> library(CurrentUser user) {
		return phrases.all(user.sites());
	}

	public Phrase phrase(long id) {
		return phrases.find(id).orElseThrow(() -> new NotFoundException("没有找到该话术"));
	}

	/** Phrases with the words searched for, best first. */
	public List<Phrase> search(CurrentUser user, SearchQuery query) {
		return phrases.search(query, user.sites(), SEARCH_LIMIT);
	}

	@Transactional
	public Phrase create(CurrentUser user, PhraseInput input) {
		check(user, input);
		return phrase(phrases.create(input, user.displayName(), clock.instant()));
	}

	@Transactional
	public Phrase update(CurrentUser user, long id, PhraseInput input) {
		requireEditorOf(user, phrase(id).siteId());
		check(user, input);
		if (input.version() == null || !phrases.update(id, input, user.displayName(), clock.instant())) {
			throw new StaleDataException();
		}
		return phrase(id);
	}

	@Transactional
	public void delete(CurrentUser user, long id) {
		requireEditorOf(user, phrase(id).siteId());
		phrases.delete(id);
	}

	private void check(CurrentUser user, PhraseInput input) {
		requireEditorOf(user, input.siteId());
		if (input.scene() == null) {
			throw new InvalidInputException("scene", "请选择话术的场景");
		}
		if (input.text() == null || input.text().isBlank()) {
			throw new InvalidInputException("text", "话术内容不能为空");
		}
		if (input.text().length() > MAX_TEXT) {
			throw new InvalidInputException("text", "话术不能超过 " + MAX_TEXT + " 个字");
		}
		if (input.requestType() != null && !REQUEST_TYPES.contains(input.requestType())) {
			throw new InvalidInputException("requestType", "没有这种工单类型：" + input.requestType());
		}
		checkPlaceholders(input.text());
	}

	/** Every {…} must be a known placeholder, and every brace closed. */
	static void checkPlaceholders(String text) {
		Matcher matcher = BRACED.matcher(text);
		while (matcher.find()) {
			if (Placeholder.named(matcher.group(1)).isEmpty()) {
				throw new InvalidInputException("text",
						"占位符 " + matcher.group() + " 不存在，可用的占位符：" + Placeholder.all());
			}
		}
		if (matcher.replaceAll("").matches(".*[{}].*")) {
			throw new InvalidInputException("text", "占位符的花括号不成对，可用的占位符：" + Placeholder.all());
		}
	}

	private static void requireEditorOf(CurrentUser user, Long siteId) {
		if (!mayEdit(user) || (siteId != null && !user.canSee(siteId) && !user.isAdministrator())) {
			throw new AccessDeniedException("editing phrases");
		}
	}
}
