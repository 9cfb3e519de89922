package io.kefu.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * An article or service guide at its current version.
 *
 * @param siteId    the one site it is about, or {@code null} for every site
 * @param materials for a guide, everything the customer must bring (一次性告知)
 */
public record Article(long id, ArticleKind kind, String title, ArticleCategory category, List<String> tags, Long siteId,
		ArticleState state, String body, List<String> materials, int version, Instant updatedAt, String updatedBy) {

	public Article {
		tags = List.copyOf(tags);
		materials = List.copyOf(materials);
	}

	/** The guide as text to insert into a reply: the procedure and the numbered materials. */
	public String replyText() {
		StringBuilder text = new StringBuilder(title).append("：").append(body.strip());
		if (!materials.isEmpty()) {
			text.append("\n请一次带齐以下材料：");
			for (int i = 0; i < materials.size(); i++) {
				text.append("\n").append(i + 1).append(". ").append(materials.get(i));
			}
		}
		return text.toString();
	}
}
