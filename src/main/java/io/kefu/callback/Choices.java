package io.kefu.callback;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.kefu.shared.InvalidInputException;

/** Reads a choice typed by a person or a client, refusing anything off the list in Chinese. */
final class Choices {

	private Choices() {
	}

	interface Labelled {

		String label();
	}

	static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text, String field, String what) {
		if (text != null) {
			for (E choice : type.getEnumConstants()) {
				if (choice.name().equalsIgnoreCase(text.strip()) || choice.label().equals(text.strip())) {
					return choice;
				}
			}
		}
		String allowed = Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining("、"));
		throw new InvalidInputException(field, what + "只能是：" + allowed);
	}
}
