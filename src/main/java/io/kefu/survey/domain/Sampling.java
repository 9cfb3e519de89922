package io.kefu.survey.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.kefu.directory.OccupiedHousehold;

/**
 * Draws a wave's sample: at least the share of the occupied households, spread over
 * the buildings by largest-remainder apportionment (each building within one household
 * of its proportional count), households asked in recent waves last. The order within
 * a building comes from the seed and each household's id alone, so the same seed and
 * the same households give the same sample.
 */
public final class Sampling {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Sampling() {
	}

	/** How many households a share of {@code occupied} asks: rounded up, so never less than the share. */
	public static int size(int occupied, BigDecimal sharePercent) {
		return sharePercent.multiply(BigDecimal.valueOf(occupied))
			.divide(HUNDRED, 0, RoundingMode.CEILING)
			.intValueExact();
	}

	public static List<OccupiedHousehold> draw(List<OccupiedHousehold> households, Set<Long> recentlyAsked,
			BigDecimal sharePercent, long seed) {
		Map<Long, List<OccupiedHousehold>> byBuilding = households.stream()
			.collect(Collectors.groupingBy(OccupiedHousehold::buildingId, TreeMap::new, Collectors.toList()));
		Map<Long, Integer> counts = apportion(byBuilding, size(households.size(), sharePercent), households.size());
		List<OccupiedHousehold> sample = new ArrayList<>();
		byBuilding.forEach((building, members) -> {
			List<OccupiedHousehold> order = new ArrayList<>(members);
			order.sort(Comparator.comparing((OccupiedHousehold h) -> recentlyAsked.contains(h.householdId()))
				.thenComparingLong(h -> key(seed, h.householdId()))
				.thenComparingLong(OccupiedHousehold::householdId));
			sample.addAll(order.subList(0, counts.get(building)));
		});
		return sample;
	}

	/**
	 * Each building's count: the whole part of its proportional share, and one more for
	 * the buildings with the largest remainders until the sample is full.
	 */
	static Map<Long, Integer> apportion(Map<Long, List<OccupiedHousehold>> byBuilding, int size, int total) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		Map<Long, Long> remainders = new LinkedHashMap<>();
		byBuilding.forEach((building, members) -> {
			long exact = (long) size * members.size();
			counts.put(building, (int) (exact / total));
			remainders.put(building, exact % total);
		});
		int left = size - counts.values().stream().mapToInt(Integer::intValue).sum();
		remainders.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(left)
			.forEach(e -> counts.merge(e.getKey(), 1, Integer::sum));
		return counts;
	}

	private static long key(long seed, long householdId) {
		return new SplittableRandom(seed ^ (householdId * 0x9E3779B97F4A7C15L)).nextLong();
	}
}
