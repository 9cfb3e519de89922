package io.kefu.knowledge.rest;

import java.util.List;

import io.kefu.knowledge.Article;
import io.kefu.knowledge.ArticleInput;
import io.kefu.knowledge.ArticleKind;
import io.kefu.knowledge.ArticleVersion;
import io.kefu.knowledge.KnowledgeManagement;
import io.kefu.knowledge.SearchHit;
import io.kefu.security.CurrentUser;
import io.kefu.shared.SearchQuery;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Articles and service guides: list, read, write, publish, versions, Chinese search. */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeRestController {

	private final KnowledgeManagement knowledge;

	KnowledgeRestController(KnowledgeManagement knowledge) {
		this.knowledge = knowledge;
	}

	@GetMapping("/articles")
	List<Article> latest(CurrentUser user, @RequestParam(required = false) ArticleKind kind) {
		return knowledge.latest(user, kind);
	}

	@GetMapping("/articles/{id}")
	Article article(CurrentUser user, @PathVariable long id) {
		return knowledge.article(user, id);
	}

	@GetMapping("/articles/{id}/versions")
	List<ArticleVersion> versions(CurrentUser user, @PathVariable long id) {
		return knowledge.versions(user, id);
	}

	@PostMapping("/articles")
	@ResponseStatus(HttpStatus.CREATED)
	Article create(CurrentUser user, @RequestBody ArticleInput input) {
		return knowledge.create(user, input);
	}

	@PutMapping("/articles/{id}")
	Article update(CurrentUser user, @PathVariable long id, @RequestBody ArticleInput input) {
		return knowledge.update(user, id, input);
	}

	@PostMapping("/articles/{id}/publish")
	Article publish(CurrentUser user, @PathVariable long id, @RequestBody VersionRequest request) {
		return knowledge.publish(user, id, request.version());
	}

	@PostMapping("/articles/{id}/unpublish")
	Article unpublish(CurrentUser user, @PathVariable long id, @RequestBody VersionRequest request) {
		return knowledge.unpublish(user, id, request.version());
	}

	@GetMapping("/search")
	List<SearchHit> search(CurrentUser user, @RequestParam String q, @RequestParam(required = false) ArticleKind kind) {
		return knowledge.search(user, SearchQuery.parse(q), kind);
	}

	record VersionRequest(int version) {
	}
}
