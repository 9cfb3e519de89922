package io.kefu.request;

/**
 * The complaints of a period in one category (null: none chosen), with its parent's name
 * (null at the top): how many, how many major (重大投诉), and by validity.
 */
public record ComplaintCategoryFigure(Long categoryId, String name, String parentName, long count, long major,
		long valid, long invalid, long undecided) {
}
