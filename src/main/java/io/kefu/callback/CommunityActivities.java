package io.kefu.callback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kefu.callback.domain.Activities;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.HouseholdSummary;
import io.kefu.directory.RoomSummary;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Satisfaction;
import io.kefu.shared.StaleDataException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community activities (社区活动) and their callbacks: at least a share (10 %) of the
 * households that took part are called back, drawn with a stored seed, and the
 * satisfaction of those reached is held against the manual's 80 %.
 */
@Service
public class CommunityActivities {

	public static final int MAX_NAME = 100;

	public static final int MAX_PARTICIPANTS = 5_000;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Activities activities;

	private final DirectoryManagement directory;

	private final CallbackSettings settings;

	private final Clock clock;

	CommunityActivities(Activities activities, DirectoryManagement directory, CallbackSettings settings, Clock clock) {
		this.activities = activities;
		this.directory = directory;
		this.settings = settings;
		this.clock = clock;
	}

	/** Records the activity with the households that took part and draws those to call back; returns its id. */
	@Transactional
	public long record(CurrentUser user, ActivityInput input) {
		CallbackManagement.requireCallbackStaff(user);
		if (input.siteId() == null) {
			throw new InvalidInputException("siteId", "请选择项目");
		}
		if (!user.canSee(input.siteId())) {
			throw new NotFoundException("没有找到该项目");
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME) {
			throw new InvalidInputException("name", "请填写活动名称（最多 " + MAX_NAME + " 字）");
		}
		if (input.heldOn() == null) {
			throw new InvalidInputException("heldOn", "请填写活动日期");
		}
		if (input.heldOn().isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("heldOn", "活动还没有举办：活动日期不能晚于今天");
		}
		List<RoomSummary> participants = households(user, input.siteId(), input.roomCodes());
		int size = BigDecimal.valueOf(participants.size())
			.multiply(settings.activityShare())
			.divide(HUNDRED, 0, RoundingMode.CEILING)
			.intValueExact();
		long seed = ThreadLocalRandom.current().nextLong();
		List<Long> sampled = participants.stream()
			.map(RoomSummary::householdId)
			.sorted(Comparator.comparingLong((Long id) -> new SplittableRandom(seed ^ id * 0x9E3779B97F4A7C15L).nextLong())
				.thenComparing(Function.identity()))
			.limit(size)
			.toList();
		return activities.insert(input.siteId(), name, input.heldOn(), settings.activityShare(), seed,
				user.accountId(), clock.instant(), participants, sampled);
	}

	/** The activities of the caller's sites (or one of them), the latest first. */
	public List<ActivitySummary> activities(CurrentUser user, Long siteId, int limit) {
		return activities.list(user.sites(siteId), limit);
	}

	/** The activity and the callbacks of its sampled households, with their phones as the caller may see them. */
	public ActivityDetails details(CurrentUser user, long id) {
		ActivitySummary activity = activities.find(id, user.sites()).orElseThrow(() -> new NotFoundException("没有找到该活动"));
		List<ActivityCallback> callbacks = activities.callbacks(id);
		Map<Long, String> phones = directory.households(user, callbacks.stream().map(ActivityCallback::householdId).toList())
			.stream()
			.collect(Collectors.toMap(HouseholdSummary::id, h -> Objects.requireNonNullElse(h.phones(), "")));
		return new ActivityDetails(activity, callbacks.stream()
			.map(c -> new ActivityCallback(c.householdId(), c.householdName(), c.roomCode(), phones.get(c.householdId()),
					c.state(), c.failedAttempts(), c.satisfaction(), c.comment(), c.calledBy(), c.calledAt(), c.version()))
			.toList());
	}

	/**
	 * A call to a sampled household: reached, with its satisfaction, or a failed try; after
	 * the failed tries the settings allow, the household counts as unreachable.
	 */
	@Transactional
	public void call(CurrentUser user, long activityId, long householdId, int version, CallbackResult result,
			Satisfaction satisfaction, String comment) {
		CallbackManagement.requireCallbackStaff(user);
		activities.find(activityId, user.sites()).orElseThrow(() -> new NotFoundException("没有找到该活动"));
		ActivityCallback callback = activities.callbacks(activityId)
			.stream()
			.filter(c -> c.householdId() == householdId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("该住户不在本次活动的回访名单中"));
		if (callback.state() != ActivityCallbackState.OPEN) {
			throw new InvalidInputException("state", "该住户的回访已结束（" + callback.state().label() + "）");
		}
		if (result == null) {
			throw new InvalidInputException("result", "请选择回访结果");
		}
		String note = comment == null || comment.isBlank() ? null : comment.strip();
		boolean recorded;
		if (result == CallbackResult.REACHED) {
			if (satisfaction == null) {
				throw new InvalidInputException("satisfaction", "接通后请选择满意度");
			}
			recorded = activities.record(activityId, householdId, version, ActivityCallbackState.COMPLETED,
					callback.failedAttempts(), satisfaction, note, user.displayName(), clock.instant());
		}
		else if (result.failed()) {
			int failed = callback.failedAttempts() + 1;
			ActivityCallbackState state = failed >= settings.maxFailedAttempts() ? ActivityCallbackState.UNREACHABLE
					: ActivityCallbackState.OPEN;
			recorded = activities.record(activityId, householdId, version, state, failed, null, note, user.displayName(),
					clock.instant());
		}
		else {
			throw new InvalidInputException("result", "活动回访只记接通或未接通、拒访、空号");
		}
		if (!recorded) {
			throw new StaleDataException("该住户的回访已被他人记录，请刷新后查看");
		}
	}

	/** The households of the rooms typed, each once; a code not found or a room without a household is refused. */
	private List<RoomSummary> households(CurrentUser user, long siteId, List<String> roomCodes) {
		Set<String> codes = (roomCodes == null ? List.<String>of() : roomCodes).stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter(code -> !code.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (codes.isEmpty()) {
			throw new InvalidInputException("roomCodes", "请填写参加活动的住户房号，每行一个");
		}
		if (codes.size() > MAX_PARTICIPANTS) {
			throw new InvalidInputException("roomCodes", "一次最多登记 " + MAX_PARTICIPANTS + " 户");
		}
		Map<String, RoomSummary> rooms = directory.roomsByCodes(user, siteId, codes)
			.stream()
			.collect(Collectors.toMap(RoomSummary::code, Function.identity()));
		List<String> unknown = codes.stream().filter(code -> !rooms.containsKey(code)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("roomCodes", "本项目没有这些房号：" + String.join("、", unknown));
		}
		List<String> empty = codes.stream().filter(code -> rooms.get(code).householdId() == null).toList();
		if (!empty.isEmpty()) {
			throw new InvalidInputException("roomCodes", "这些房号没有住户：" + String.join("、", empty));
		}
		Map<Long, RoomSummary> byHousehold = new LinkedHashMap<>();
		codes.forEach(code -> byHousehold.putIfAbsent(rooms.get(code).householdId(), rooms.get(code)));
		return List.copyOf(byHousehold.values());
	}
}
