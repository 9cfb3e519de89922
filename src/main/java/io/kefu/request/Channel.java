package io.kefu.request;

/** 来电, 来访, 来函, 网上, 邮件, 巡查发现, 公司转发, 领导批示. */
public enum Channel {
	PHONE, VISIT, LETTER, ONLINE, EMAIL, PATROL, HQ_FORWARDED, LEADER_INSTRUCTED
}
