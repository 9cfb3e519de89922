package io.kefu.standard;

import java.util.List;
import java.util.Set;

import io.kefu.request.Channel;
import io.kefu.request.Priority;
import io.kefu.request.RequestType;

/**
 * A standard as the clocks use it: which requests it matches (an empty criterion
 * matches all) and the clocks it gives them.
 */
public record ServiceStandard(long id, Long siteId, int position, String name, boolean active, int version, Set<RequestType> types, Set<Long> categoryIds,
		Set<Priority> priorities, Set<Channel> channels, Boolean major, List<ClockRule> clocks) {

	public boolean matches(RequestType type, Long categoryId, Long parentCategoryId, Priority priority, Channel channel,
			boolean isMajor) {
		return (types.isEmpty() || types.contains(type))
				&& (categoryIds.isEmpty() || (categoryId != null && categoryIds.contains(categoryId))
						|| (parentCategoryId != null && categoryIds.contains(parentCategoryId)))
				&& (priorities.isEmpty() || priorities.contains(priority))
				&& (channels.isEmpty() || channels.contains(channel)) && (major == null || major == isMajor);
	}
}
