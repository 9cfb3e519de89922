package io.kefu.script;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a phrase may leave to the moment it is said, written {公司} and so on in its text. */
public enum Placeholder {

	COMPANY("公司"), AGENT_NUMBER("工号"), AGENT_SURNAME("姓"), CUSTOMER_TITLE("称呼"), REQUEST_NUMBER("单号"),
	APPOINTMENT("约定时间");

	private final String name;

	Placeholder(String name) {
		this.name = name;
	}

	/** As written in a phrase: {工号}. */
	public String token() {
		return "{" + name + "}";
	}

	/** Where nothing fills it, the agent sees what to say there: 【称呼】. */
	public String blank() {
		return "【" + name + "】";
	}

	public static Optional<Placeholder> named(String name) {
		return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
	}

	public static String all() {
		return Arrays.stream(values()).map(Placeholder::token).collect(Collectors.joining(" "));
	}
}
