package io.kefu.request;

/** Where a request stands in 受理 → 派工 → 处理 → 办结 → 回访 → 归档. */
public enum RequestStatus {

	REGISTERED, DISPATCHED, ACCEPTED, IN_PROGRESS, PAUSED, COMPLETED, RESOLVED, CLOSED;

	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}
}
