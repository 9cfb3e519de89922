package io.kefu.knowledge.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.kefu.KefuApplication;
import io.kefu.knowledge.Article;
import io.kefu.knowledge.ArticleCategory;
import io.kefu.knowledge.ArticleInput;
import io.kefu.knowledge.ArticleKind;
import io.kefu.knowledge.ArticleState;
import io.kefu.knowledge.KnowledgeManagement;
import io.kefu.directory.DirectoryManagement;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.SearchQuery;
import io.kefu.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base pages: search (articles and guides here, phrases by htmx from the
 * script module), an article to read and print, the editors' form; and the fragments
 * other modules' pages load: suggestions for a text being typed, the guide picker.
 */
@Controller
class KnowledgeWebController {

	static final int SUGGESTIONS = 5;

	private final KnowledgeManagement knowledge;

	private final DirectoryManagement directory;

	KnowledgeWebController(KnowledgeManagement knowledge, DirectoryManagement directory) {
		this.knowledge = knowledge;
		this.directory = directory;
	}

	@GetMapping("/knowledge")
	String home(CurrentUser user, @RequestParam(required = false) String q,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("mayEdit", KnowledgeManagement.mayEdit(user));
		if (q == null) {
			model.addAttribute("latest", knowledge.latest(user, null));
		}
		else {
			try {
				model.addAttribute("hits", knowledge.search(user, SearchQuery.parse(q), null));
			}
			catch (InvalidInputException ex) {
				model.addAttribute("searchError", ex.getMessage());
			}
		}
		return htmx != null ? "knowledge/knowledge :: results" : "knowledge/knowledge";
	}

	@GetMapping("/knowledge/{id}")
	String article(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("article", knowledge.article(user, id));
		model.addAttribute("versions", knowledge.versions(user, id));
		model.addAttribute("mayEdit", KnowledgeManagement.mayEdit(user));
		model.addAttribute("zone", KefuApplication.ZONE);
		return "knowledge/article";
	}

	@GetMapping(path = "/knowledge/{id}/reply-text", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String replyText(CurrentUser user, @PathVariable long id) {
		return knowledge.article(user, id).replyText();
	}

	@GetMapping({ "/knowledge/new", "/knowledge/{id}/edit" })
	String form(CurrentUser user, @PathVariable(required = false) Long id, @RequestParam(defaultValue = "ARTICLE") ArticleKind kind,
			Model model) {
		model.addAttribute("article", id == null ? null : knowledge.article(user, id));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", ArticleKind.values());
		model.addAttribute("categories", ArticleCategory.values());
		model.addAttribute("sites", directory.sites(user));
		model.addAttribute("newline", "\n");
		return "knowledge/article-form";
	}

	@PostMapping("/knowledge")
	String create(CurrentUser user, ArticleForm form) {
		return "redirect:/knowledge/" + knowledge.create(user, form.toInput()).id();
	}

	@PostMapping("/knowledge/{id}")
	String update(CurrentUser user, @PathVariable long id, ArticleForm form, RedirectAttributes redirect) {
		knowledge.update(user, id, form.toInput());
		redirect.addFlashAttribute("notice", "已保存新版本");
		return "redirect:/knowledge/" + id;
	}

	@PostMapping("/knowledge/{id}/publish")
	String publish(CurrentUser user, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		knowledge.publish(user, id, version);
		redirect.addFlashAttribute("notice", "已发布");
		return "redirect:/knowledge/" + id;
	}

	/** Articles for the text being typed at intake, as the agent types. */
	@GetMapping("/knowledge/suggestions")
	String suggestions(CurrentUser user, @RequestParam(name = "description", defaultValue = "") String text, Model model) {
		model.addAttribute("suggestions", knowledge.suggest(user, text, SUGGESTIONS));
		return "knowledge/knowledge-fragments :: suggestions";
	}

	/** A select of the published guides that inserts one into the textarea {@code into}. */
	@GetMapping("/knowledge/guide-picker")
	String guidePicker(CurrentUser user, @RequestParam String into, Model model) {
		model.addAttribute("guides", knowledge.latest(user, ArticleKind.GUIDE).stream()
			.filter(a -> a.state() == ArticleState.PUBLISHED).toList());
		model.addAttribute("into", into);
		return "knowledge/knowledge-fragments :: guidePicker";
	}

	record ArticleForm(ArticleKind kind, String title, ArticleCategory category, String tags, Long siteId, String body,
			String materials, Integer version) {

		ArticleInput toInput() {
			return new ArticleInput(kind, title, category, split(tags, "[,，、\\s]+"), siteId, body, split(materials, "\\R"),
					version);
		}

		private static List<String> split(String text, String separator) {
			return text == null ? List.of() : Arrays.asList(text.split(separator));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class KnowledgeNavigation {

		@Bean
		NavigationItem knowledgeNavigation() {
			return new NavigationItem(50, "nav.knowledge", "/knowledge", Set.of());
		}
	}
}
