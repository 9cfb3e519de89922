package io.kefu.report;

/**
 * The sheets of staff performance: agents (客服) judged on what they take on and call
 * back, technicians (维修) on the jobs they complete, and other staff (保安, 保洁 …) who
 * were praised or complained of, or kept a standard's clock.
 */
public enum StaffGroup {

	AGENT, TECHNICIAN, OTHER
}
