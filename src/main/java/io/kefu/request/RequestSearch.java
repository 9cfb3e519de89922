package io.kefu.request;

/**
 * The requests behind a report's figure: the queue filter's narrowing (type, category,
 * channel, building, the days registered) over requests in any state, or only open or
 * only resolved ones; only repeat complaints; only complaints laid at a department
 * ({@link #NO_DEPARTMENT}: none named yet); only those found valid or not valid.
 */
public record RequestSearch(QueueFilter filter, SearchState state, boolean repeat, Long departmentId, Boolean valid) {

	public static final long NO_DEPARTMENT = 0;

	public RequestSearch {
		filter = filter == null ? QueueFilter.NONE : filter;
		state = state == null ? SearchState.ALL : state;
	}
}
