package io.kefu.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in Chinese and in English. */
class MessagesTests {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Properties chinese = load("/messages.properties");
		Properties english = load("/messages_en.properties");
		assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(chinese.keySet());
		assertThat(chinese.getProperty("app.name")).isEqualTo("客服中心");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
