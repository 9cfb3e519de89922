package io.kefu.request;

/** The lists agents and supervisors work from. */
public enum Queue {
	/** Open requests the user owns (首问责任). */
	MINE,
	/** Every open request of the user's sites. */
	OPEN
}
