package io.kefu.shared;

import java.util.regex.Pattern;

/** A mainland resident identity card number (18 characters with its check digit). */
public record IdNumber(String value) {

	private static final Pattern FORMAT = Pattern.compile("\\d{17}[0-9X]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	public IdNumber {
		if (value == null || !FORMAT.matcher(value).matches() || checkDigit(value) != value.charAt(17)) {
			throw new InvalidInputException("idNumber", "“" + value + "”不是有效的身份证号码");
		}
	}

	public static IdNumber parse(String text) {
		return new IdNumber(text == null ? null : text.strip().toUpperCase());
	}

	public static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** {@code 110101********1234}. */
	public static String mask(String number) {
		return number == null || number.length() < 10 ? number
				: number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
	}

	@Override
	public String toString() {
		return value;
	}
}
