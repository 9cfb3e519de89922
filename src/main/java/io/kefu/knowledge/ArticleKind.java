package io.kefu.knowledge;

/** An article, or a service guide (办事指南) that lists the materials a procedure needs. */
public enum ArticleKind {
	ARTICLE, GUIDE
}
