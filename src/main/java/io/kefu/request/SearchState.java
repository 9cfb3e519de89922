package io.kefu.request;

/**
 * Which requests a search lists: all, the open ones, those resolved (resolved or closed
 * since), or those handled (resolved, or answered and closed at intake).
 */
public enum SearchState {

	ALL, OPEN, RESOLVED, HANDLED
}
