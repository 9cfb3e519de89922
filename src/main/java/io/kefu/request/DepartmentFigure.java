package io.kefu.request;

/**
 * The complaints of a period laid at one responsible department (null: none named yet),
 * by validity: found valid, found not valid, not yet decided.
 */
public record DepartmentFigure(Long departmentId, long valid, long invalid, long undecided) {

	public long total() {
		return valid + invalid + undecided;
	}
}
