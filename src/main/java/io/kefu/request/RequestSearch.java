package io.kefu.request;

/**
 * The requests behind a report's figure: the queue filter's narrowing (type, category,
 * channel, building, the days registered) over requests in any state, or only open or
 * only resolved ones; only repeat complaints; only complaints laid at a department
 * ({@link #NO_DEPARTMENT}: none named yet); only those found valid or not valid; only
 * those one account owns (首问); only those naming one staff member (被表扬/被投诉员工).
 */
public record RequestSearch(QueueFilter filter, SearchState state, boolean repeat, Long departmentId, Boolean valid,
		Long ownerId, Long concernedStaffId) {

	public static final long NO_DEPARTMENT = 0;

	public RequestSearch {
		filter = filter == null ? QueueFilter.NONE : filter;
		state = state == null ? SearchState.ALL : state;
	}

	/** Whoever owns the requests and whomever they name. */
	public RequestSearch(QueueFilter filter, SearchState state, boolean repeat, Long departmentId, Boolean valid) {
		this(filter, state, repeat, departmentId, valid, null, null);
	}
}
