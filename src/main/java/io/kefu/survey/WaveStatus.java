package io.kefu.survey;

/** A wave takes answers while OPEN; CLOSED freezes its sample and answers. */
public enum WaveStatus {
	OPEN, CLOSED
}
