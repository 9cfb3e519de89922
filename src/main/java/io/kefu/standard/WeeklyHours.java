package io.kefu.standard;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.kefu.shared.InvalidInputException;

/**
 * The working periods of each weekday, checked: no two periods of a day overlap and
 * the week has some working time, or no deadline could ever fall due.
 */
public final class WeeklyHours {

	private static final Pattern SEPARATORS = Pattern.compile("[,，;；\\s]+");

	private static final Pattern DASH = Pattern.compile("\\s*[-–—~～至]\\s*");

	private final List<WorkingPeriod> periods;

	/** Per weekday (index 0 = Monday) the periods as {@code start, end, start, end …} in minutes. */
	private final int[][] minutes = new int[7][];

	public WeeklyHours(List<WorkingPeriod> periods) {
		List<WorkingPeriod> sorted = periods.stream()
			.sorted(Comparator.comparing(WorkingPeriod::weekday).thenComparingInt(WorkingPeriod::startMinute))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			WorkingPeriod before = sorted.get(i - 1);
			WorkingPeriod after = sorted.get(i);
			if (before.overlaps(after)) {
				throw new InvalidInputException("periods", WorkingPeriod.dayName(after.weekday()) + "的时段 " + before
						+ " 与 " + after + " 重叠");
			}
		}
		if (sorted.stream().mapToInt(WorkingPeriod::minutes).sum() == 0) {
			throw new InvalidInputException("periods", "每周至少要有一个工作时段，否则时限永远不会到期（全天候请用 24 小时日历）");
		}
		this.periods = sorted;
		for (DayOfWeek day : DayOfWeek.values()) {
			minutes[day.getValue() - 1] = sorted.stream()
				.filter(p -> p.weekday() == day)
				.flatMapToInt(p -> java.util.stream.IntStream.of(p.startMinute(), p.endMinute()))
				.toArray();
		}
	}

	/**
	 * Hours as people type them, one text per weekday: {@code 08:30-12:00, 13:30-17:30};
	 * an empty text is a day off.
	 */
	public static WeeklyHours parse(Map<DayOfWeek, String> days) {
		List<WorkingPeriod> periods = new ArrayList<>();
		days.forEach((day, text) -> {
			if (text == null) {
				return;
			}
			for (String part : SEPARATORS.split(text.strip())) {
				if (part.isEmpty()) {
					continue;
				}
				String[] ends = DASH.split(part);
				if (ends.length != 2) {
					throw new InvalidInputException("periods",
							WorkingPeriod.dayName(day) + "的时段“" + part + "”格式不对，应写成 08:30-12:00");
				}
				periods.add(WorkingPeriod.parse(day, ends[0], ends[1]));
			}
		});
		return new WeeklyHours(periods);
	}

	public List<WorkingPeriod> periods() {
		return periods;
	}

	/** The day's periods as {@code start, end, …} minutes; shared, never to be changed. */
	int[] minutesOf(DayOfWeek day) {
		return minutes[day.getValue() - 1];
	}

	public boolean works(DayOfWeek day) {
		return minutesOf(day).length > 0;
	}

	/** The day's periods as typed: {@code 08:30-12:00, 13:30-17:30}, empty for a day off. */
	public String text(DayOfWeek day) {
		return periods.stream().filter(p -> p.weekday() == day).map(WorkingPeriod::toString).collect(Collectors.joining(", "));
	}

	public int weeklyMinutes() {
		return periods.stream().mapToInt(WorkingPeriod::minutes).sum();
	}
}
