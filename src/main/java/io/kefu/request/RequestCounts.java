package io.kefu.request;

import java.util.List;

/** The requests registered in a period, counted by type, by channel and by category. */
public record RequestCounts(List<TypeCount> types, List<ChannelCount> channels, List<CategoryCount> categories) {

	public record TypeCount(RequestType type, long count) {
	}

	public record ChannelCount(Channel channel, long count) {
	}

	/** A category (with its parent's name, null at the top) of one type. */
	public record CategoryCount(Long categoryId, RequestType type, String name, String parentName, long count) {
	}
}
