package io.kefu.standard;

/** Why the bell rang: a clock started that someone must know of, warned, breached or escalated. */
public enum NotificationLevel {
	STARTED, WARNING, BREACH, ESCALATION
}
