package io.kefu.script;

/** The moments of a call or a reply that have standard phrases, in the order of a call. */
public enum Scene {

	GREETING, IDENTIFYING, CONFIRMING, WAITING, TRANSFER, APOLOGY, CANNOT_SOLVE_NOW, APPOINTMENT, CALMING,
	DECLINING, DUNNING, CLOSING, CALLBACK_OPENING;

	public String labelKey() {
		return "scene." + name();
	}
}
