package io.kefu.request;

/** Where a request stands in 受理 → 派工 → 处理 → 办结 → 回访 → 归档. */
public enum RequestStatus {

	REGISTERED, DISPATCHED, ACCEPTED, IN_PROGRESS, PAUSED, COMPLETED, RESOLVED, CLOSED;

	/** The state's name on pages and in messages. */
	public String label() {
		return switch (this) {
			case REGISTERED -> "待派工";
			case DISPATCHED -> "已派工";
			case ACCEPTED -> "已接单";
			case IN_PROGRESS -> "处理中";
			case PAUSED -> "暂停";
			case COMPLETED -> "已完工";
			case RESOLVED -> "已办结";
			case CLOSED -> "已归档";
		};
	}

	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}
}
