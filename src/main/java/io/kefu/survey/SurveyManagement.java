package io.kefu.survey;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.OccupiedHousehold;
import io.kefu.directory.SiteSummary;
import io.kefu.directory.StaffSummary;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.survey.domain.Answers;
import io.kefu.survey.domain.Questionnaires;
import io.kefu.survey.domain.Results;
import io.kefu.survey.domain.ResultsWorkbook;
import io.kefu.survey.domain.Sampling;
import io.kefu.survey.domain.Waves;
import io.kefu.survey.domain.Waves.Visitor;
import io.kefu.survey.domain.Waves.VisitorLoad;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction survey waves (满意度调查) of the sites: drawing the sample, visit lists,
 * answers, results and closing. Every answer is limited to the caller's sites.
 */
@Service
public class SurveyManagement {

	/** Who runs surveys: draws samples, assigns visitors, closes waves, writes questionnaires. */
	public static final Set<Role> ORGANISERS = Set.of(Role.QUALITY, Role.SITE_MANAGER, Role.SUPERVISOR,
			Role.ADMINISTRATOR);

	/** Who keys in paper forms besides the organisers. */
	public static final Set<Role> CLERKS = Set.of(Role.AGENT, Role.CLERK);

	private static final String ONLINE = "业户（网上）";

	private final Questionnaires questionnaires;

	private final Waves waves;

	private final Answers answers;

	private final Results results;

	private final ResultsWorkbook workbook;

	private final DirectoryManagement directory;

	private final SurveySettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyManagement(Questionnaires questionnaires, Waves waves, Answers answers, Results results,
			ResultsWorkbook workbook, DirectoryManagement directory, SurveySettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.questionnaires = questionnaires;
		this.waves = waves;
		this.answers = answers;
		this.results = results;
		this.workbook = workbook;
		this.directory = directory;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	public static boolean mayOrganise(CurrentUser user) {
		return ORGANISERS.stream().anyMatch(user::hasRole);
	}

	public static boolean mayKeyIn(CurrentUser user) {
		return mayOrganise(user) || CLERKS.stream().anyMatch(user::hasRole);
	}

	public SurveySettings settings() {
		return settings;
	}

	public List<QuestionnaireDetails> questionnaires() {
		return questionnaires.latest();
	}

	/** The latest version of a questionnaire. */
	public QuestionnaireDetails questionnaire(long id) {
		return questionnaires.latest(id);
	}

	public QuestionnaireDetails createQuestionnaire(CurrentUser user, QuestionnaireInput input) {
		requireOrganiser(user);
		return questionnaires.create(input);
	}

	/**
	 * Changes a questionnaire: in place while no wave uses its latest version, else as
	 * a new version. {@code versionId} is the version the editor started from.
	 */
	public QuestionnaireDetails updateQuestionnaire(CurrentUser user, long id, long versionId,
			QuestionnaireInput input) {
		requireOrganiser(user);
		return questionnaires.update(id, versionId, input);
	}

	public List<WaveSummary> waves(CurrentUser user) {
		return waves.list(user.sites());
	}

	public WaveSummary wave(CurrentUser user, long waveId) {
		return waves.get(user.sites(), waveId);
	}

	/** The questionnaire version a wave uses. */
	public QuestionnaireDetails questionnaireOf(CurrentUser user, long waveId) {
		return questionnaires.version(wave(user, waveId).versionId());
	}

	/**
	 * Opens a wave at the site and draws its sample from the site's occupied households:
	 * at least the share, spread over the buildings, leaving out the households asked in
	 * the site's recent waves while others remain.
	 */
	@Transactional
	public WaveSummary createWave(CurrentUser user, WaveInput input) {
		SiteSummary site = directory.site(user, input.siteId());
		requireOrganiser(user);
		BigDecimal share = input.sampleShare() == null ? settings.sampleShare() : input.sampleShare();
		if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("sampleShare", "抽样比例必须大于 0% 且不超过 100%");
		}
		int avoid = input.avoidWaves() == null ? settings.avoidWaves() : input.avoidWaves();
		if (avoid < 0) {
			throw new InvalidInputException("avoidWaves", "避开的调查轮数不能是负数");
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new InvalidInputException("name", "请填写调查名称（不超过 50 个字），如“2026 下半年”");
		}
		QuestionnaireDetails questionnaire = questionnaires.latestForWave(input.questionnaireId());
		List<OccupiedHousehold> occupied = directory.occupiedHouseholds(user, site.id());
		if (occupied.isEmpty()) {
			throw new InvalidInputException("siteId", "该项目没有入住的业户，无法抽样");
		}
		long seed = input.seed() == null ? ThreadLocalRandom.current().nextLong() : input.seed();
		List<OccupiedHousehold> sample = Sampling.draw(occupied, waves.recentlyAsked(site.id(), avoid), share, seed);
		long id = waves.create(new Waves.NewWave(site.id(), site.name(), name, questionnaire.versionId(), share, avoid,
				seed, occupied.size()), sample, clock.instant());
		return waves.get(user.sites(), id);
	}

	/** The sample by building and room, or the households one visitor has ({@code visitorId} an account). */
	public List<SampledHousehold> sample(CurrentUser user, long waveId, Long visitorId) {
		return waves.sample(wave(user, waveId).id(), visitorId);
	}

	public List<VisitorLoad> visitors(CurrentUser user, long waveId) {
		return waves.visitors(wave(user, waveId).id());
	}

	/** The site's staff who may be sent to visit or own an improvement action. */
	public List<StaffSummary> staff(CurrentUser user, long waveId) {
		return directory.staffAt(user, wave(user, waveId).siteId());
	}

	/** Shares the sample among the staff members (accounts) given, each a run of neighbouring households. */
	@Transactional
	public void assignVisitors(CurrentUser user, long waveId, List<Long> accountIds) {
		WaveSummary wave = wave(user, waveId);
		requireOrganiser(user);
		if (accountIds == null || accountIds.isEmpty()) {
			throw new InvalidInputException("visitors", "请至少选择一名上门人员");
		}
		Map<Long, StaffSummary> staff = directory.staffAt(user, wave.siteId())
			.stream()
			.collect(Collectors.toMap(StaffSummary::accountId, s -> s));
		List<Visitor> visitors = accountIds.stream().distinct().map(id -> {
			StaffSummary member = staff.get(id);
			if (member == null) {
				throw new InvalidInputException("visitors", "所选人员不在该项目工作");
			}
			return new Visitor(id, member.name());
		}).toList();
		waves.lockOpen(wave.id());
		waves.assignVisitors(wave.id(), visitors);
	}

	/** Keys in a household's paper form; a form without the household's signature is kept but does not count. */
	@Transactional
	public void recordAnswers(CurrentUser user, long waveId, AnswerInput input) {
		WaveSummary wave = wave(user, waveId);
		if (!mayKeyIn(user)) {
			throw new AccessDeniedException("survey answers");
		}
		record(wave, input.householdId(), input.values(), input.signed(), Answers.Channel.PAPER, user.displayName());
	}

	/** The resident's own answers, given online: the household is the one signed in, so the answers count. */
	@Transactional
	public void answerOnline(long householdId, long waveId, Map<Long, String> values) {
		WaveSummary wave = waves.byId(waveId).orElseThrow(() -> new NotFoundException("没有找到该调查"));
		record(wave, householdId, values, true, Answers.Channel.ONLINE, ONLINE);
	}

	private void record(WaveSummary wave, long householdId, Map<Long, String> values, boolean signed,
			Answers.Channel channel, String by) {
		waves.lockOpen(wave.id());
		if (waves.sampled(wave.id(), householdId).isEmpty()) {
			throw new InvalidInputException("householdId", "该业户不在本次调查的样本中");
		}
		answers.record(wave.id(), householdId, questionnaires.version(wave.versionId()), values, signed, channel, by,
				clock.instant());
	}

	/** A sampled household with the answers keyed in for it, by question id. */
	public Map<Long, String> answers(CurrentUser user, long waveId, long householdId) {
		return answers.values(wave(user, waveId).id(), householdId);
	}

	public SampledHousehold sampled(CurrentUser user, long waveId, long householdId) {
		return waves.sampled(wave(user, waveId).id(), householdId)
			.orElseThrow(() -> new NotFoundException("该业户不在本次调查的样本中"));
	}

	public SurveyResults results(CurrentUser user, long waveId) {
		WaveSummary wave = wave(user, waveId);
		return results.of(wave, waves.previous(wave));
	}

	/** The results as an .xlsx file, written into {@code out} as it is made. */
	public void writeResults(CurrentUser user, long waveId, OutputStream out) {
		workbook.write(results(user, waveId), out);
	}

	/** Freezes the wave: no more answers or sample changes. Publishes {@link SurveyWaveClosed}. */
	@Transactional
	public WaveSummary close(CurrentUser user, long waveId) {
		WaveSummary wave = wave(user, waveId);
		requireOrganiser(user);
		if (!waves.close(wave.id(), clock.instant())) {
			throw Waves.closed();
		}
		WaveSummary closed = waves.get(user.sites(), waveId);
		events.publishEvent(new SurveyWaveClosed(closed.id(), closed.siteId(), closed.name(), closed.sampled(),
				closed.signed(), results.siteRate(closed), clock.instant()));
		return closed;
	}

	static void requireOrganiser(CurrentUser user) {
		if (!mayOrganise(user)) {
			throw new AccessDeniedException("surveys");
		}
	}
}
