package io.kefu.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The green line on top of the next page after a step was taken, in the reader's language. */
@Component
public class Notices {

	private final MessageSource messages;

	Notices(MessageSource messages) {
		this.messages = messages;
	}

	/** Shows the message under {@code key} on the page at {@code target}, where the browser is sent. */
	public String redirect(String target, String key, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("notice", messages.getMessage(key, null, locale));
		return "redirect:" + target;
	}
}
