package io.kefu.knowledge;

import java.util.List;

/** An article as an editor writes it; {@code version} of the article read, for a change. */
public record ArticleInput(ArticleKind kind, String title, ArticleCategory category, List<String> tags, Long siteId,
		String body, List<String> materials, Integer version) {
}
