package io.kefu.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.kefu.shared.InvalidInputException;

/**
 * Which clocks to list: those of a site (null: every site of the caller) started from
 * {@code from} up to (not including) {@code to}, of one standard, kind and state, each
 * null for any. Cancelled clocks are never listed.
 */
public record ClockFilter(Long siteId, Instant from, Instant to, Long standardId, ClockKind kind, State state) {

	public ClockFilter {
		requirePeriod(from, to);
	}

	/** Refuses a period of clocks' starts that is missing an end or ends before it starts. */
	static void requirePeriod(Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw new InvalidInputException("from", "请选择正确的起止时间：开始须早于结束");
		}
	}

	/**
	 * The clocks started on the days {@code from} to {@code to} (both included) in the zone,
	 * the kind and state given as their names, as a page or a script sends them.
	 */
	public static ClockFilter days(Long siteId, LocalDate from, LocalDate to, ZoneId zone, Long standardId, String kind,
			String state) {
		if (from == null || to == null) {
			throw new InvalidInputException("from", "请选择开始和结束日期");
		}
		if (from.isAfter(to)) {
			throw new InvalidInputException("from", "开始日期不能晚于结束日期");
		}
		return new ClockFilter(siteId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
				standardId, parse(ClockKind.class, kind, "kind", "时限类型"), parse(State.class, state, "state", "状态"));
	}

	/** The states of the clocks listed. */
	Set<ClockState> states() {
		return state == null ? EnumSet.complementOf(EnumSet.of(ClockState.CANCELLED)) : state.states;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, what + "“" + text.strip() + "”无效，可选："
					+ String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		}
	}

	/** How the clocks listed fared: as the columns of the on-time figures, or all that finished. */
	public enum State {

		MET(EnumSet.of(ClockState.MET)),
		BREACHED(EnumSet.of(ClockState.BREACHED)),
		/** Still running, paused ones included. */
		RUNNING(EnumSet.of(ClockState.RUNNING, ClockState.PAUSED)),
		/** Met or breached: those the on-time rate is of. */
		FINISHED(EnumSet.of(ClockState.MET, ClockState.BREACHED));

		private final Set<ClockState> states;

		State(Set<ClockState> states) {
			this.states = states;
		}

		/** The message key of its name on pages. */
		public String labelKey() {
			return switch (this) {
				case MET -> "clocks.met";
				case BREACHED -> "clocks.late";
				case RUNNING -> "clockList.running";
				case FINISHED -> "clockList.finished";
			};
		}
	}
}
