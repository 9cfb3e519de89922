package io.kefu.shared;

import java.util.regex.Pattern;

/**
 * A Chinese phone number: an 11-digit mobile number, or a landline with its area
 * code ({@code 0571-88886666}, an extension after {@code -} or {@code 转}).
 */
public record PhoneNumber(String value) {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3})-?(\\d{7,8})(?:-(\\d{1,6}))?");

	public PhoneNumber {
		if (value == null || !(MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches())) {
			throw new InvalidInputException("phone", "“" + value + "”不是有效的电话号码");
		}
	}

	/** Reads a number as people type it: spaces, dots, {@code +86} and {@code 转} allowed. */
	public static PhoneNumber parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("phone", "请填写电话号码");
		}
		String cleaned = text.strip().replaceAll("[\\s.()（）]", "").replace('转', '-').replace('—', '-');
		if (cleaned.startsWith("+86")) {
			cleaned = cleaned.substring(3);
		}
		if (cleaned.matches("1[3-9]\\d-?\\d{4}-?\\d{4}")) {
			cleaned = cleaned.replace("-", "");
		}
		var landline = LANDLINE.matcher(cleaned);
		if (landline.matches()) {
			cleaned = landline.group(1) + "-" + landline.group(2) + (landline.group(3) == null ? "" : "-" + landline.group(3));
		}
		if (!(MOBILE.matcher(cleaned).matches() || LANDLINE.matcher(cleaned).matches())) {
			throw new InvalidInputException("phone",
					"“" + text.strip() + "”不是有效的电话号码：手机号为 1 开头的 11 位数字，座机需带区号，如 0571-88886666");
		}
		return new PhoneNumber(cleaned);
	}

	/** The last four digits, by which people are often found. */
	public String lastFour() {
		String digits = value.replaceAll("\\D", "");
		return digits.substring(digits.length() - 4);
	}

	/** {@code 138****5678}, {@code 0571-****6666}. */
	public String masked() {
		return mask(value);
	}

	/** Masks any stored number the same way, for read models that hold plain text. */
	public static String mask(String number) {
		if (number == null) {
			return null;
		}
		if (MOBILE.matcher(number).matches()) {
			return number.substring(0, 3) + "****" + number.substring(7);
		}
		var landline = LANDLINE.matcher(number);
		if (landline.matches()) {
			String subscriber = landline.group(2);
			return landline.group(1) + "-****" + subscriber.substring(subscriber.length() - 4);
		}
		return "****";
	}

	@Override
	public String toString() {
		return value;
	}
}
