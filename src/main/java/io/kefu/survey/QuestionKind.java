package io.kefu.survey;

/** A question answered on the five-level scale, or in the resident's own words. */
public enum QuestionKind {
	SCALE, TEXT
}
