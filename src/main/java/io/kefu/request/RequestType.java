package io.kefu.request;

/** 咨询, 报修, 投诉, 建议, 表扬, 特约服务, 求助. */
public enum RequestType {

	INQUIRY, REPAIR, COMPLAINT, SUGGESTION, PRAISE, PAID_SERVICE, HELP;

	/** Whether someone must go and do the work before it can be resolved. */
	public boolean needsDispatch() {
		return this == REPAIR || this == PAID_SERVICE;
	}

	/** Whether it can be answered and closed while the customer is still on the line. */
	public boolean answerableAtOnce() {
		return this == INQUIRY || this == PRAISE;
	}

	/** Whether it may name the staff member it is about: the one praised or complained of. */
	public boolean concernsStaff() {
		return this == PRAISE || this == COMPLAINT;
	}
}
