package io.kefu.standard;

import java.time.ZonedDateTime;

import io.kefu.request.Channel;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clocks whose times and states are set by hand, each on a request of its own (registered
 * now; the clocks its standard starts now stay as they are), for lists of known clocks.
 */
@Component
class ClockMother {

	/** The seeded standards 投诉 and 其他工单. */
	static final long COMPLAINTS = 3;

	static final long OTHERS = 9;

	private final ServiceRequestManagement requests;

	private final JdbcClient jdbc;

	ClockMother(ServiceRequestManagement requests, JdbcClient jdbc) {
		this.requests = requests;
		this.jdbc = jdbc;
	}

	/** A complaint about {@link RequestMother#ROOM} with one clock of the standard's rule of that kind. */
	KnownClock clock(FieldSite site, long standardId, ClockKind kind, ClockState state, ZonedDateTime started,
			ZonedDateTime due, ZonedDateTime stopped) {
		long category = requests.categories(RequestType.COMPLAINT).get(0).id();
		long request = requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.COMPLAINT,
				category, Channel.PHONE, Priority.NORMAL, false, null, "李女士", "13800001111", false, null,
				RequestMother.ROOM, null, "时限明细 " + state, null), null).id();
		long id = jdbc.sql("""
				insert into standard.request_clock (request_id, site_id, clock_rule_id, kind, state, started_at, due_at,
				                                    stopped_at, created_at)
				select :request, :site, k.id, k.kind, :state, :started, cast(:due as timestamptz),
				       cast(:stopped as timestamptz), now()
				from standard.clock_rule k where k.standard_id = :standard and k.kind = :kind order by k.id limit 1
				returning id""")
			.param("request", request)
			.param("site", site.site().id())
			.param("state", state.name())
			.param("started", started.toOffsetDateTime())
			.param("due", due == null ? null : due.toOffsetDateTime())
			.param("stopped", stopped == null ? null : stopped.toOffsetDateTime())
			.param("standard", standardId)
			.param("kind", kind.name())
			.query(Long.class)
			.single();
		String number = jdbc.sql("select number from standard.request_standard where request_id = :request")
			.param("request", request)
			.query(String.class)
			.single();
		return new KnownClock(id, request, number);
	}

	String standardName(long standardId) {
		return jdbc.sql("select name from standard.service_standard where id = :id")
			.param("id", standardId)
			.query(String.class)
			.single();
	}

	record KnownClock(long id, long requestId, String number) {
	}
}
