package io.kefu.request;

import java.time.Duration;

import io.kefu.KefuIntegrationTest;
import io.kefu.request.RequestMother.FieldSite;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request events reach asynchronous module listeners through Modulith's JDBC registry:
 * recorded in the request's own transaction (none when it rolls back), completed once
 * the listener has run.
 */
@KefuIntegrationTest
@Import(PublicationProbe.class)
class EventPublicationTests {

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	PublicationProbe probe;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegistrationIsRecordedWithTheRequestAndCompletedWhenTheListenerHasRun() {
		FieldSite site = mother.fieldSite();
		long category = requests.categories(RequestType.REPAIR).get(0).id();
		probe.holdBack();
		long id;
		try {
			id = requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.REPAIR, category,
					Channel.PHONE, Priority.NORMAL, false, null, "李女士", null, false, null, null, null, "门锁坏了", null),
					null).id();
			assertThat(pending(id)).as("recorded with the request, not yet completed").isEqualTo(1);
		}
		finally {
			probe.release();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> probe.received(id) && pending(id) == 0);
		assertThat(probe.received(id)).isTrue();
		assertThat(pending(id)).as("completed publications are removed").isZero();

		long before = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		assertThatThrownBy(() -> requests.register(site.agent().user(), new NewRequest(site.site().id(),
				RequestType.REPAIR, category, Channel.PHONE, Priority.NORMAL, false, null, "李女士", null, false, null,
				"180#9-9-9", null, "房号不存在", null), null)).hasMessageContaining("没有房号");
		assertThat(jdbc.sql("select count(*) from event_publication").query(Long.class).single()).isEqualTo(before);
	}

	private long pending(long requestId) {
		return jdbc.sql("""
				select count(*) from event_publication
				where event_type = :type and serialized_event like :id and completion_date is null""")
			.param("type", ServiceRequestRegistered.class.getName())
			.param("id", "%\"requestId\":" + requestId + ",%")
			.query(Long.class)
			.single();
	}
}
