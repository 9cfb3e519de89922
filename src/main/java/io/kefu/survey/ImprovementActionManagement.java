package io.kefu.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import io.kefu.KefuApplication;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.StaffSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.survey.domain.ImprovementAction;
import io.kefu.survey.domain.ImprovementActions;
import io.kefu.survey.domain.Waves;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement actions (整改) drawn from a wave's results: each has an owner and a due
 * date, is done by its owner and followed until the organisers verify it.
 */
@Service
public class ImprovementActionManagement {

	private final ImprovementActions actions;

	private final Waves waves;

	private final DirectoryManagement directory;

	private final Clock clock;

	ImprovementActionManagement(ImprovementActions actions, Waves waves, DirectoryManagement directory, Clock clock) {
		this.actions = actions;
		this.waves = waves;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional
	public ImprovementActionSummary create(CurrentUser user, long waveId, ImprovementActionInput input) {
		WaveSummary wave = waves.get(user.sites(), waveId);
		SurveyManagement.requireOrganiser(user);
		String what = input.what() == null ? "" : input.what().strip();
		if (what.isEmpty() || what.length() > 500) {
			throw new InvalidInputException("what", "请填写整改内容（不超过 500 个字）");
		}
		if (input.dueDate() == null) {
			throw new InvalidInputException("dueDate", "请填写整改期限");
		}
		StaffSummary owner = directory.staffAt(user, wave.siteId())
			.stream()
			.filter(s -> s.accountId() == input.ownerId())
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("ownerId", "责任人须是该项目的在职员工"));
		long id = actions.create(wave.id(), wave.siteId(), what, owner.accountId(), owner.name(), input.dueDate(),
				clock.instant());
		return actions.get(user.sites(), id, today());
	}

	public List<ImprovementActionSummary> ofWave(CurrentUser user, long waveId) {
		return actions.ofWave(waves.get(user.sites(), waveId).id(), today());
	}

	/** The actions of the caller's sites not verified yet, or only the overdue ones. */
	public List<ImprovementActionSummary> pending(CurrentUser user, boolean overdueOnly) {
		return actions.pending(user.sites(), overdueOnly, today());
	}

	public ImprovementActionSummary get(CurrentUser user, long id) {
		return actions.get(user.sites(), id, today());
	}

	/** The owner (or an organiser) reports the action done. */
	@Transactional
	public ImprovementActionSummary complete(CurrentUser user, long id, int version) {
		ImprovementActionSummary action = get(user, id);
		if (action.ownerId() != user.accountId() && !SurveyManagement.mayOrganise(user)) {
			throw new AccessDeniedException("improvement action");
		}
		actions.change(id, version, action.status(), ImprovementAction.complete(action.status()), null,
				user.displayName(), clock.instant());
		return get(user, id);
	}

	/** An organiser confirms the improvement with a note of what was checked. */
	@Transactional
	public ImprovementActionSummary verify(CurrentUser user, long id, int version, String note) {
		return judge(user, id, version, note, ImprovementAction::verify);
	}

	/** An organiser finds a done action wanting and sends it back to its owner. */
	@Transactional
	public ImprovementActionSummary reopen(CurrentUser user, long id, int version, String note) {
		return judge(user, id, version, note, ImprovementAction::reopen);
	}

	private ImprovementActionSummary judge(CurrentUser user, long id, int version, String note,
			BiFunction<ActionStatus, String, ActionStatus> step) {
		ImprovementActionSummary action = get(user, id);
		SurveyManagement.requireOrganiser(user);
		ActionStatus next = step.apply(action.status(), note);
		actions.change(id, version, action.status(), next, note.strip(), user.displayName(), clock.instant());
		return get(user, id);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(KefuApplication.ZONE));
	}
}
