package io.kefu.knowledge;

import java.util.List;

import io.kefu.shared.SearchQuery.Snippet;

/** An article found, with its title and the part of its text around the match, highlighted. */
public record SearchHit(long id, ArticleKind kind, ArticleCategory category, List<Snippet> title, List<Snippet> snippet) {
}
