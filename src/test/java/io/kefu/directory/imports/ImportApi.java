package io.kefu.directory.imports;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import io.kefu.HttpTestClient;
import io.kefu.StaffMother.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The import API as a client uses it: upload, poll until settled, commit. */
final class ImportApi {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Set<String> RUNNING = Set.of("VALIDATING", "COMMITTING");

	private final HttpTestClient client;

	ImportApi(int port, TestUser user) {
		this.client = new HttpTestClient(port).withBasic(user.username(), user.password());
	}

	HttpTestClient client() {
		return client;
	}

	HttpResponse<String> upload(String filename, byte[] content) {
		return client.postMultipart("/api/v1/imports", "file", filename, XLSX, content);
	}

	/** Uploads a file that passes the first look and waits until its check is over. */
	JsonNode uploadAndCheck(byte[] content) {
		HttpResponse<String> response = upload("rooms.xlsx", content);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return settled(json(response).get("id").asLong());
	}

	JsonNode commit(long id) {
		HttpResponse<String> response = client.postJson("/api/v1/imports/" + id + "/commit", "");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return settled(id);
	}

	JsonNode job(long id) {
		return json(client.get("/api/v1/imports/" + id));
	}

	JsonNode settled(long id) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			last[0] = job(id);
			return !RUNNING.contains(last[0].get("state").asString());
		});
		return last[0];
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
