package io.kefu.request;

import java.util.List;

/** The lists agents and supervisors work from. */
public enum Queue {
	/** Open requests the user owns (首问责任). */
	MINE,
	/** Every open request of the user's sites. */
	OPEN,
	/** Open requests waiting to be dispatched. */
	UNASSIGNED,
	/** Field work waiting on the customer or on parts. */
	WAITING,
	/** Open major complaints (重大投诉). */
	MAJOR,
	/** The user's own jobs as assignee (我的任务), by appointment. */
	JOBS;

	/** The tabs of the agents' and supervisors' queue page. */
	public static final List<Queue> BOARD = List.of(MINE, OPEN, UNASSIGNED, WAITING, MAJOR);

	String condition() {
		return switch (this) {
			case MINE -> "r.owner_id = :me";
			case OPEN -> "true";
			case UNASSIGNED -> "r.status = 'REGISTERED'";
			case WAITING -> "r.status = 'PAUSED'";
			case MAJOR -> "r.major";
			case JOBS -> "r.assignee_id = :me";
		};
	}
}
