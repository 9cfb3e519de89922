package io.kefu.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.kefu.KefuIntegrationTest;
import io.kefu.directory.DirectoryManagement;
import io.kefu.directory.OccupiedHousehold;
import io.kefu.security.CurrentUser;
import io.kefu.survey.domain.Sampling;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Drawing samples on a site of 1,000 occupied households in five buildings of different sizes. */
@KefuIntegrationTest
class SamplingTests {

	static final int[] BUILDINGS = { 337, 263, 200, 150, 50 };

	@Autowired
	SurveyMother mother;

	@Autowired
	SurveyManagement surveys;

	@Autowired
	DirectoryManagement directory;

	@Test
	void aFifthOfTheOccupiedHouseholdsSpreadOverTheBuildingsWithoutRepeatsAndReproducible() {
		SurveyMother.Site site = mother.site(6, BUILDINGS);
		CurrentUser admin = site.site().admin().user();
		long questionnaire = surveys.questionnaires().get(0).id();
		List<OccupiedHousehold> occupied = directory.occupiedHouseholds(admin, site.id());
		assertThat(occupied).as("vacant and renovating households are not asked").hasSize(1000);

		WaveSummary first = surveys.createWave(admin, new WaveInput(site.id(), "2026 上半年", questionnaire, null, null, 42L));
		List<SampledHousehold> sample = surveys.sample(admin, first.id(), null);
		assertThat(sample).hasSizeGreaterThanOrEqualTo(200);
		assertThat(first.sampled()).isEqualTo(sample.size());
		assertThat(first.seed()).isEqualTo(42L);
		assertSpread(site, sample);
		Set<Long> occupiedIds = occupied.stream().map(OccupiedHousehold::householdId).collect(Collectors.toSet());
		assertThat(sample).allMatch(h -> occupiedIds.contains(h.householdId()));

		WaveSummary second = surveys.createWave(admin, new WaveInput(site.id(), "2026 下半年", questionnaire, null, null, 42L));
		List<SampledHousehold> next = surveys.sample(admin, second.id(), null);
		assertSpread(site, next);
		assertThat(ids(next)).as("800 unsampled remain, so nobody is asked twice in a row").doesNotContainAnyElementsOf(ids(sample));

		WaveSummary again = surveys.createWave(admin, new WaveInput(site.id(), "重抽", questionnaire, null, 0, 42L));
		assertThat(ids(surveys.sample(admin, again.id(), null))).as("the same seed and households give the same sample")
			.isEqualTo(ids(sample));
		WaveSummary other = surveys.createWave(admin, new WaveInput(site.id(), "另一种子", questionnaire, null, 0, 43L));
		assertThat(ids(surveys.sample(admin, other.id(), null))).isNotEqualTo(ids(sample));
	}

	@Test
	void theSameSeedAndHouseholdsGiveTheSameSampleWhateverTheirOrder() {
		List<OccupiedHousehold> households = new ArrayList<>();
		for (long id = 1; id <= 300; id++) {
			households.add(new OccupiedHousehold(id, "户" + id, id % 3, (id % 3) + "幢", "r" + id));
		}
		List<OccupiedHousehold> reversed = new ArrayList<>(households);
		Collections.reverse(reversed);
		BigDecimal share = BigDecimal.valueOf(20);
		Set<Long> first = ids(Sampling.draw(households, Set.of(), share, 7L));
		assertThat(first).hasSize(60).isEqualTo(ids(Sampling.draw(reversed, Set.of(), share, 7L)));
		assertThat(ids(Sampling.draw(households, Set.of(), share, 8L))).isNotEqualTo(first);
	}

	@Test
	void aBuildingWithTooFewHouseholdsNotAskedLastTimeIsToppedUpFromThoseAsked() {
		List<OccupiedHousehold> households = new ArrayList<>();
		for (long id = 1; id <= 10; id++) {
			households.add(new OccupiedHousehold(id, "户" + id, 1, "1幢", "r" + id));
		}
		Set<Long> askedBefore = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
		List<OccupiedHousehold> sample = Sampling.draw(households, askedBefore, BigDecimal.valueOf(50), 1L);
		assertThat(sample).hasSize(5);
		assertThat(ids(sample)).contains(9L, 10L);
		assertThat(Sampling.size(1000, new BigDecimal("20.05"))).as("never less than the share").isEqualTo(201);
	}

	/** Each building's count within one household of its proportional share of the sample. */
	private void assertSpread(SurveyMother.Site site, List<SampledHousehold> sample) {
		Map<Long, Long> perBuilding = sample.stream()
			.collect(Collectors.groupingBy(SampledHousehold::buildingId, Collectors.counting()));
		for (int b = 0; b < BUILDINGS.length; b++) {
			double proportional = (double) sample.size() * BUILDINGS[b] / 1000;
			assertThat((double) perBuilding.getOrDefault(site.buildings().get(b), 0L))
				.as("building %d", b + 1)
				.isBetween(proportional - 1, proportional + 1);
		}
	}

	private static Set<Long> ids(List<?> households) {
		return households.stream().map(h -> h instanceof SampledHousehold s ? s.householdId()
				: ((OccupiedHousehold) h).householdId()).collect(Collectors.toCollection(HashSet::new));
	}
}
