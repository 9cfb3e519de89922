package io.kefu.survey;

/** An improvement action is OPEN until its owner has DONE it, and followed until VERIFIED. */
public enum ActionStatus {
	OPEN, DONE, VERIFIED
}
