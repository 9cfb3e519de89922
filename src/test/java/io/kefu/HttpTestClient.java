package io.kefu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real HTTP against a running Kefu: a page session with cookies and the CSRF token
 * of the last page, or API calls with HTTP Basic or an API token.
 */
public class HttpTestClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String authorization;

	private String csrf;

	public HttpTestClient(int port) {
		this(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
	}

	/** A client over a connection pool shared with others, as one integration calling for many people would. */
	public HttpTestClient(int port, HttpClient http) {
		this.base = "http://localhost:" + port;
		this.http = http;
	}

	/** Signs in through the sign-in form and returns where it led. */
	public HttpResponse<String> signIn(String username, String password) {
		get("/login");
		return postForm("/login", Map.of("username", username, "password", password));
	}

	public HttpTestClient withBasic(String username, String password) {
		return withAuthorization("Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/** API calls with a personal API token. */
	public HttpTestClient withBearer(String token) {
		return withAuthorization("Bearer " + token);
	}

	/** API calls with this {@code Authorization} header, well-formed or not. */
	public HttpTestClient withAuthorization(String authorization) {
		this.authorization = authorization;
		return this;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			csrf = matcher.group(1);
		}
		return response;
	}

	/** The page a redirect leads to. */
	public HttpResponse<String> follow(HttpResponse<String> redirect) {
		return get(redirect.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode())));
	}

	/** A GET with a session cookie of our choosing, e.g. one that expired. */
	public HttpResponse<String> getWithSession(String path, String sessionCookie) {
		return send(request(path).header("Cookie", "SESSION=" + sessionCookie).GET());
	}

	/** A GET as htmx sends it, asking for the page fragment only. */
	public HttpResponse<String> getFragment(String path) {
		return send(request(path).header("HX-Request", "true").GET());
	}

	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		return postForm(path, List.copyOf(new LinkedHashMap<>(fields).entrySet()));
	}

	/** A form whose fields may repeat, such as the lines of a quote, in the order given. */
	public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		if (csrf != null) {
			all.add(Map.entry("_csrf", csrf));
		}
		String body = all.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> postJson(String path, String json, String idempotencyKey) {
		return send(request(path).header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A POST with a body of any type, such as a CSV file. */
	public HttpResponse<String> post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> putJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	public HttpResponse<String> postMultipart(String path, String field, String filename, String contentType,
			byte[] content) {
		return postMultipart(path, Map.of(), List.of(new FilePart(field, filename, contentType, content)), false);
	}

	/** A form with files, as a browser sends it, or as htmx does ({@code HX-Request}) when {@code htmx}. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<FilePart> files,
			boolean htmx) {
		String boundary = "----kefu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		for (FilePart file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (csrf != null) {
			builder.header("X-CSRF-TOKEN", csrf);
		}
		if (htmx) {
			builder.header("HX-Request", "true");
		}
		return send(builder);
	}

	/** One file of a multipart form. */
	public record FilePart(String field, String filename, String contentType, byte[] content) {
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
