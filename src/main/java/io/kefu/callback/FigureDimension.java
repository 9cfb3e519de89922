package io.kefu.callback;

/** What the callback figures are grouped by. */
public enum FigureDimension {
	SITE, TYPE,
	/** The person who finished the callback; open ones have no one yet and are left out. */
	AGENT
}
