package io.kefu.script;

import java.util.EnumMap;
import java.util.Map;

/** What fills a phrase's placeholders; a value not known is left for the agent to say. */
public record PhraseContext(String company, String agentNumber, String agentSurname, String customerTitle,
		String requestNumber, String appointment) {

	public PhraseContext withCustomerTitle(String title) {
		return new PhraseContext(company, agentNumber, agentSurname, title, requestNumber, appointment);
	}

	public PhraseContext withRequestNumber(String number) {
		return new PhraseContext(company, agentNumber, agentSurname, customerTitle, number, appointment);
	}

	public PhraseContext withAppointment(String time) {
		return new PhraseContext(company, agentNumber, agentSurname, customerTitle, requestNumber, time);
	}

	Map<Placeholder, String> values() {
		Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
		values.put(Placeholder.COMPANY, company);
		values.put(Placeholder.AGENT_NUMBER, agentNumber);
		values.put(Placeholder.AGENT_SURNAME, agentSurname);
		values.put(Placeholder.CUSTOMER_TITLE, customerTitle);
		values.put(Placeholder.REQUEST_NUMBER, requestNumber);
		values.put(Placeholder.APPOINTMENT, appointment);
		return values;
	}

	/** The phrase with every placeholder replaced by its value, or by its blank when there is none. */
	public String fill(String text) {
		String filled = text;
		for (Map.Entry<Placeholder, String> value : values().entrySet()) {
			String v = value.getValue();
			filled = filled.replace(value.getKey().token(), v == null || v.isBlank() ? value.getKey().blank() : v);
		}
		return filled;
	}
}
