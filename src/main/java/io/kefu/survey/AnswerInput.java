package io.kefu.survey;

import java.util.Map;

/**
 * A household's answers as keyed in from its paper form.
 *
 * @param signed whether the household signed the form; unsigned forms are kept but do not count
 * @param values per question id: a satisfaction level by name (VERY_SATISFIED …) or free text
 */
public record AnswerInput(long householdId, boolean signed, Map<Long, String> values) {
}
