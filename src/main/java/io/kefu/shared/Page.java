package io.kefu.shared;

import java.util.List;

/**
 * One page of a keyset-paginated list: the rows and the cursor that fetches the
 * next page, or {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public boolean hasNext() {
		return nextCursor != null;
	}

	/** A requested page size held to {@code 1..MAX_SIZE}. */
	public static int size(Integer requested) {
		return requested == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, requested));
	}
}
