package io.kefu.request;

/** How a queue is ordered. */
public enum QueueOrder {
	/** Newest first. */
	NEWEST,
	/** Major complaints, then urgent work, then the rest; the longest waiting first within each. */
	URGENCY
}
