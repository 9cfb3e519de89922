package io.kefu.survey;

/**
 * A household in a wave's sample, where it lives, who visits it and whether it answered.
 *
 * @param signed {@code null} while no answer is recorded
 */
public record SampledHousehold(long householdId, String householdName, long buildingId, String buildingName,
		String roomCode, Long visitorId, String visitorName, Boolean signed) {

	public boolean answered() {
		return signed != null;
	}
}
