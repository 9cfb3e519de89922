package io.kefu.standard.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A duration as people read it: 2小时15分, 3天4小时, 25分钟 (templates call it as {@code @durations}). */
@Component("durations")
public class Durations {

	private final MessageSource messages;

	Durations(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Duration duration, Locale locale) {
		long minutes = Math.abs(duration.toMinutes());
		if (minutes >= 24 * 60) {
			return messages.getMessage("duration.daysHours", new Object[] { minutes / 1440, minutes % 1440 / 60 }, locale);
		}
		if (minutes >= 60) {
			return messages.getMessage("duration.hoursMinutes", new Object[] { minutes / 60, minutes % 60 }, locale);
		}
		return messages.getMessage("duration.minutes", new Object[] { minutes }, locale);
	}
}
