package io.kefu.request;

/** 日常 or 急修 (for repairs; other types are normal unless the agent says otherwise). */
public enum Priority {
	NORMAL, URGENT
}
