package io.kefu.request.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.request.RequestType;
import io.kefu.request.web.IntakeMother.Estate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text for a customer posted without the page's check — by hand, or with the script
 * switched off — is refused where it arrives, unless the agent recorded a reason for it.
 */
@KefuIntegrationTest
class CustomerTextGuardTests {

	static final String ANSWER = "这个我不知道，你自己看着办";

	@LocalServerPort
	int port;

	@Autowired
	IntakeMother mother;

	@Autowired
	JdbcClient jdbc;

	Estate estate;

	HttpTestClient page;

	@BeforeEach
	void anAgentAtTheScreen() {
		estate = mother.estate();
		page = new HttpTestClient(port);
		page.signIn(estate.agent().username(), estate.agent().password());
		page.get("/requests/new");
	}

	@Test
	void anAnswerWithForbiddenPhrasesIsRefusedUntilTheAgentGivesAReasonForIt() {
		HttpResponse<String> refused = page.postMultipart("/requests/new", inquiry(ANSWER), List.of(), false);
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(page.follow(refused).body()).contains("文字中有服务禁忌用语（不知道、你自己看着办），请修改，或说明理由后再发送");
		assertThat(requests()).as("nothing saved").isZero();

		HttpResponse<String> reason = page.postForm("/forbidden-phrases/overrides",
				Map.of("context", "intake-answer", "text", ANSWER, "reason", "客户原话复述"));
		assertThat(reason.statusCode()).isLessThan(400);
		HttpResponse<String> saved = page.postMultipart("/requests/new", inquiry(ANSWER), List.of(), true);
		assertThat(saved.body()).contains("已当场答复并办结");
		assertThat(requests()).isEqualTo(1);

		HttpResponse<String> clean = page.postMultipart("/requests/new", inquiry("可到服务中心或用微信缴纳"), List.of(), true);
		assertThat(clean.body()).as("a clean answer needs no reason").contains("已当场答复并办结");
	}

	private Map<String, String> inquiry(String answer) {
		return Map.of("key", UUID.randomUUID().toString(), "siteId", String.valueOf(estate.siteId()), "type", "INQUIRY",
				"categoryId", String.valueOf(mother.category(RequestType.INQUIRY, "收费")), "channel", "PHONE",
				"contactName", "赵先生", "description", "物业费怎么交", "answer", answer);
	}

	private long requests() {
		return jdbc.sql("select count(*) from request.service_request where site_id = :site")
			.param("site", estate.siteId())
			.query(Long.class)
			.single();
	}
}
