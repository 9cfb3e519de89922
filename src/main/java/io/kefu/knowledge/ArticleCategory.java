package io.kefu.knowledge;

/** Where an article belongs in the knowledge base. */
public enum ArticleCategory {

	PROCEDURE, FEES, RULES, FAQ, EMERGENCY;

	public String labelKey() {
		return "articleCategory." + name();
	}
}
