package io.kefu.request;

import java.util.Base64;

import io.kefu.shared.InvalidInputException;

/** The customer's signature as a canvas sends it: a PNG data URL, or its bare base64. */
public final class SignatureImage {

	private SignatureImage() {
	}

	/** The PNG bytes, or {@code null} when nothing was drawn. */
	public static byte[] decode(String dataUrl) {
		if (dataUrl == null || dataUrl.isBlank()) {
			return null;
		}
		String data = dataUrl.contains(",") ? dataUrl.substring(dataUrl.indexOf(',') + 1) : dataUrl;
		try {
			return Base64.getDecoder().decode(data.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("signature", "签名数据无效");
		}
	}
}
