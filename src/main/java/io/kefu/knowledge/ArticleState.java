package io.kefu.knowledge;

/** Drafts are seen by editors only; agents and search see what is published. */
public enum ArticleState {
	DRAFT, PUBLISHED
}
