package io.kefu.shared;

import java.util.regex.Pattern;

/**
 * A room's code: building, {@code #}, then entrance, floor and room joined by
 * {@code -}, e.g. {@code 180#1-1-1} or {@code A座#1-12-05}.
 */
public record RoomCode(String value) {

	private static final Pattern FORMAT = Pattern
		.compile("[\\p{IsHan}A-Za-z0-9]{1,12}#[A-Za-z0-9]{1,4}(-[A-Za-z0-9]{1,4}){1,2}");

	public RoomCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidInputException("code", "房号“" + (value == null ? "" : value)
					+ "”格式不正确：应为 楼栋#单元-楼层-房间，如 180#1-1-1");
		}
	}

	public static RoomCode parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("code", "请填写房号");
		}
		return new RoomCode(text.strip().replace('＃', '#').replace('－', '-').toUpperCase());
	}

	public static RoomCode of(String building, int entrance, int floor, int room) {
		return new RoomCode(building + "#" + entrance + "-" + floor + "-" + room);
	}

	@Override
	public String toString() {
		return value;
	}
}
