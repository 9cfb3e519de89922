package io.kefu.standard;

/** What a clock (时限) measures. */
public enum ClockKind {

	/** 受理: the request is taken on. */
	ACKNOWLEDGE("受理"),
	/** 派工: someone is sent. */
	DISPATCH("派工"),
	/** 到场: the person sent arrives, by the agreed time when there is one. */
	ARRIVAL("到场"),
	/** 办结: the request is handled. */
	COMPLETION("办结"),
	/** 回访: the customer is called back. */
	CALLBACK("回访"),
	/** 建议答复: a suggestion is answered. */
	SUGGESTION_REPLY("建议答复"),
	/** 4小时复命: the person sent reports back. */
	REPORT_BACK("复命"),
	/** 每日跟踪: work that takes more than a day is followed up every working day. */
	DAILY_FOLLOW_UP("每日跟踪");

	private final String label;

	ClockKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Met by a follow-up note, it starts again for the next day until the work is done. */
	public boolean repeats() {
		return this == DAILY_FOLLOW_UP;
	}
}
