package io.kefu.request;

/** Which requests a search lists: all, the open ones, or those resolved (resolved or closed since). */
public enum SearchState {

	ALL, OPEN, RESOLVED
}
