package io.kefu.standard;

/** Who is told when a clock starts, warns, breaches or escalates. */
public enum Recipient {
	/** The request's owner (首问责任人). */
	OWNER,
	/** The person the work was given to. */
	ASSIGNEE,
	/** The site's supervisors (客服主管). */
	SUPERVISOR,
	/** The site's managers (服务中心经理). */
	SITE_MANAGER,
	/** The company's executives. */
	EXECUTIVE
}
