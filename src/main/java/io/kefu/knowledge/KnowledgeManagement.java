package io.kefu.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.kefu.knowledge.domain.Articles;
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

/**
 * The knowledge base: editors write articles and guides as drafts and publish them, every
 * save a version; everyone finds the published ones of their sites in Chinese.
 */
@Service
public class KnowledgeManagement {

	public static final Set<Role> EDITORS = Set.of(Role.SUPERVISOR, Role.SITE_MANAGER, Role.ADMINISTRATOR);

	public static final int MAX_BODY = 20_000;

	public static final int LIST_LIMIT = 200;

	public static final int SEARCH_LIMIT = 20;

	/** How much of a text being typed suggests articles: the latest words matter most. */
	static final int SUGGESTION_CHARACTERS = 200;

	private final Articles articles;

	private final Clock clock;

	KnowledgeManagement(Articles articles, Clock clock) {
		this.articles = articles;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void indexDefaults() {
		articles.indexMissing();
	}

	public static boolean mayEdit(CurrentUser user) {
		return EDITORS.stream().anyMatch(user::hasRole);
	}

	/** An article the user may see: published, or any state for editors. */
	public Article article(CurrentUser user, long id) {
		return articles.find(id, user.sites())
			.filter(a -> a.state() == ArticleState.PUBLISHED || mayEdit(user))
			.orElseThrow(() -> new NotFoundException("没有找到该文章"));
	}

	public List<Article> latest(CurrentUser user, ArticleKind kind) {
		return articles.latest(user.sites(), kind, mayEdit(user), LIST_LIMIT);
	}

	public List<ArticleVersion> versions(CurrentUser user, long id) {
		return articles.versions(article(user, id).id());
	}

	/** Published articles and guides with every word searched for, best first, the match highlighted. */
	public List<SearchHit> search(CurrentUser user, SearchQuery query, ArticleKind kind) {
		return hits(articles.search(query.allWords(), user.sites(), kind, SEARCH_LIMIT), query);
	}

	/** Published articles sharing most words with a text being typed, e.g. at intake. */
	public List<SearchHit> suggest(CurrentUser user, String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String recent = text.length() > SUGGESTION_CHARACTERS ? text.substring(text.length() - SUGGESTION_CHARACTERS) : text;
		SearchQuery query;
		try {
			query = SearchQuery.parse(recent);
		}
		catch (InvalidInputException ex) {
			return List.of();
		}
		return hits(articles.search(query.anyTerm(), user.sites(), null, limit), query);
	}

	private static List<SearchHit> hits(List<Article> found, SearchQuery query) {
		return found.stream()
			.map(a -> new SearchHit(a.id(), a.kind(), a.category(), query.snippet(a.title()),
					query.snippet(a.body() + (a.materials().isEmpty() ? "" : " " + String.join("、", a.materials())))))
			.toList();
	}

	@Transactional
	public Article create(CurrentUser user, ArticleInput input) {
		ArticleInput clean = checked(user, input);
		return article(user, articles.create(clean, ArticleState.DRAFT, user.displayName(), clock.instant()));
	}

	/** A new version of the article; a published article stays published. */
	@Transactional
	public Article update(CurrentUser user, long id, ArticleInput input) {
		Article current = article(user, id);
		ArticleInput clean = checked(user, input);
		if (current.state() == ArticleState.PUBLISHED) {
			requirePublishable(clean);
		}
		return save(user, id, clean, current.state());
	}

	@Transactional
	public Article publish(CurrentUser user, long id, int version) {
		Article current = article(user, id);
		ArticleInput input = new ArticleInput(current.kind(), current.title(), current.category(), current.tags(),
				current.siteId(), current.body(), current.materials(), version);
		requireEditorOf(user, current.siteId());
		requirePublishable(input);
		return save(user, id, input, ArticleState.PUBLISHED);
	}

	@Transactional
	public Article unpublish(CurrentUser user, long id, int version) {
		Article current = article(user, id);
		requireEditorOf(user, current.siteId());
		return save(user, id, new ArticleInput(current.kind(), current.title(), current.category(), current.tags(),
				current.siteId(), current.body(), current.materials(), version), ArticleState.DRAFT);
	}

	private Article save(CurrentUser user, long id, ArticleInput input, ArticleState state) {
		if (input.version() == null || !articles.update(id, input.version(), input, state, user.displayName(), clock.instant())) {
			throw new StaleDataException();
		}
		return article(user, id);
	}

	private static void requirePublishable(ArticleInput input) {
		if (input.body().isBlank()) {
			throw new InvalidInputException("body", "正文为空的文章不能发布，请先填写内容");
		}
		if (input.kind() == ArticleKind.GUIDE && input.materials().isEmpty()) {
			throw new InvalidInputException("materials", "办事指南须列出所需材料后才能发布");
		}
	}

	private static ArticleInput checked(CurrentUser user, ArticleInput input) {
		requireEditorOf(user, input.siteId());
		if (input.kind() == null) {
			throw new InvalidInputException("kind", "请选择是文章还是办事指南");
		}
		if (input.title() == null || input.title().isBlank()) {
			throw new InvalidInputException("title", "请填写标题");
		}
		if (input.title().strip().length() > 100) {
			throw new InvalidInputException("title", "标题不能超过 100 个字");
		}
		if (input.category() == null) {
			throw new InvalidInputException("category", "请选择分类");
		}
		String body = input.body() == null ? "" : input.body().strip();
		if (body.length() > MAX_BODY) {
			throw new InvalidInputException("body", "正文不能超过 " + MAX_BODY + " 个字");
		}
		return new ArticleInput(input.kind(), input.title().strip(), input.category(), lines(input.tags()),
				input.siteId(), body, lines(input.materials()), input.version());
	}

	private static List<String> lines(List<String> values) {
		return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static void requireEditorOf(CurrentUser user, Long siteId) {
		if (!mayEdit(user) || (siteId != null && !user.canSee(siteId))) {
			throw new AccessDeniedException("editing the knowledge base");
		}
	}
}
