package io.kefu.directory.imports;

import java.util.Set;

/**
 * Where an import job stands. A file is checked (VALIDATING) and is then either
 * READY to import or INVALID; once confirmed it is checked again and written
 * (COMMITTING) and ends DONE, or INVALID if the database changed meanwhile, or
 * FAILED. Nothing is written unless it ends DONE.
 */
public enum ImportState {

	VALIDATING, READY, INVALID, COMMITTING, DONE, FAILED;

	public boolean isRunning() {
		return this == VALIDATING || this == COMMITTING;
	}

	boolean isFinished() {
		return this == INVALID || this == DONE || this == FAILED;
	}

	boolean canMoveTo(ImportState next) {
		return switch (this) {
			case VALIDATING -> Set.of(READY, INVALID, FAILED).contains(next);
			case READY -> next == COMMITTING;
			case COMMITTING -> Set.of(DONE, INVALID, FAILED).contains(next);
			case INVALID, DONE, FAILED -> false;
		};
	}

	/** The message key of the state's name on pages. */
	public String labelKey() {
		return "imports.state." + name();
	}
}
