package io.kefu.survey.domain;

import io.kefu.shared.InvalidInputException;
import io.kefu.survey.ActionStatus;

/** The steps of an improvement action: OPEN → DONE by its owner → VERIFIED with a note. */
public final class ImprovementAction {

	private ImprovementAction() {
	}

	public static ActionStatus complete(ActionStatus status) {
		if (status != ActionStatus.OPEN) {
			throw new InvalidInputException("status", "只有未完成的整改才能标记为已完成");
		}
		return ActionStatus.DONE;
	}

	public static ActionStatus verify(ActionStatus status, String note) {
		if (status != ActionStatus.DONE) {
			throw new InvalidInputException("status", "整改完成后才能验证");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "请填写验证情况");
		}
		return ActionStatus.VERIFIED;
	}

	/** A DONE action found wanting goes back to its owner. */
	public static ActionStatus reopen(ActionStatus status, String note) {
		if (status != ActionStatus.DONE) {
			throw new InvalidInputException("status", "只有已完成未验证的整改才能退回");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "请写明退回的原因");
		}
		return ActionStatus.OPEN;
	}
}
