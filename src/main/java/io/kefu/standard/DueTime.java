package io.kefu.standard;

import java.time.Instant;
import java.util.List;

/** A due time and the steps that led to it. */
public record DueTime(Instant start, Target target, Instant due, List<DueStep> steps) {

	public DueTime {
		steps = List.copyOf(steps);
	}
}
