package io.kefu.request;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One line of a quote for paid work: item, quantity and unit price in yuan. */
public record QuoteLine(String item, BigDecimal quantity, BigDecimal unitPrice) {

	public BigDecimal amount() {
		return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
	}
}
