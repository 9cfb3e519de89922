package io.kefu.callback;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.kefu.directory.HouseholdInput;
import io.kefu.directory.HouseholdState;
import io.kefu.directory.PersonInput;
import io.kefu.directory.PersonRole;
import io.kefu.directory.domain.Households;
import io.kefu.request.Channel;
import io.kefu.request.FieldWork;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestType;
import io.kefu.request.Resolution;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.request.ServiceRequestResolved;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Resolved requests of a field site, and their callbacks once the listener has created them. */
@Component
public class CallbackMother {

	private final RequestMother requests;

	private final ServiceRequestManagement management;

	private final ServiceRequestQueries queries;

	private final FieldWork work;

	private final Households households;

	private final CallbackQueries callbacks;

	private final JdbcClient jdbc;

	CallbackMother(RequestMother requests, ServiceRequestManagement management, ServiceRequestQueries queries,
			FieldWork work, Households households, CallbackQueries callbacks, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.management = management;
		this.queries = queries;
		this.work = work;
		this.households = households;
		this.callbacks = callbacks;
	}

	public FieldSite site() {
		return requests.fieldSite();
	}

	/** A normal repair (给水) dispatched, done by the technician and resolved by the agent. */
	public long resolvedRepair(FieldSite site) {
		return resolvedRepair(site, "给水");
	}

	public long resolvedRepair(FieldSite site, String category) {
		long id = requests.dispatched(site, RequestType.REPAIR, category, Priority.NORMAL, "厨房水管漏水", null);
		completeAndResolve(site, id);
		return id;
	}

	/** The repair is done again and resolved again (after a re-dispatch). */
	public void completeAndResolve(FieldSite site, long id) {
		if (queries.details(site.agent().user(), id).work().assigneeId() == null) {
			management.dispatch(site.agent().user(), id, version(site, id),
					new io.kefu.request.Assignment(site.engineering(), site.technician().username(), null, null));
		}
		work.accept(site.technician().user(), id, version(site, id));
		work.arrive(site.technician().user(), id, version(site, id), "阀门老化");
		work.complete(site.technician().user(), id, version(site, id), "已更换阀门", "李女士");
		management.resolve(site.agent().user(), id, version(site, id),
				new Resolution("已更换阀门，试水正常", null, null, null, null, null, null));
	}

	/** A complaint (of the household 王大明 when given), registered and resolved by the agent. */
	public long resolvedComplaint(FieldSite site, Long householdId) {
		long id = complaint(site, householdId);
		management.resolve(site.agent().user(), id, version(site, id),
				new Resolution("已向客户道歉并处理责任人", true, null, "培训不到位", "加强培训", null, null));
		return id;
	}

	/** A complaint of the household 王大明, registered by the agent and not yet resolved. */
	public long complaint(FieldSite site, Long householdId) {
		long category = management.categories(RequestType.COMPLAINT).get(0).id();
		return management.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.COMPLAINT,
				category, Channel.PHONE, Priority.NORMAL, false, householdId, "王大明", "13912345678", false, null,
				RequestMother.ROOM, null, "保安态度差", null), null).id();
	}

	public long household(FieldSite site) {
		return households.create(site.agent().user(), new HouseholdInput(site.site().id(), "王大明",
				HouseholdState.OCCUPIED, null, null, List.of(RequestMother.ROOM),
				List.of(new PersonInput("王大明", PersonRole.OWNER, "13912345678", null))));
	}

	/** The request's open callback, once the asynchronous listener has created it. */
	public CallbackSummary openCallback(FieldSite site, long requestId) {
		await().atMost(Duration.ofSeconds(20)).until(() -> open(site, requestId).isPresent());
		return open(site, requestId).orElseThrow();
	}

	/** Waits until the callback listeners have taken the request's resolutions. */
	public void awaitResolutionHandled(long requestId) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where event_type = :type and serialized_event like :id and completion_date is null""")
			.param("type", ServiceRequestResolved.class.getName())
			.param("id", "%\"requestId\":" + requestId + ",%")
			.query(Long.class)
			.single() == 0);
	}

	public Optional<CallbackSummary> open(FieldSite site, long requestId) {
		return callbacks.ofRequest(site.agent().user(), requestId)
			.stream()
			.filter(c -> c.state() == CallbackState.OPEN)
			.findFirst();
	}

	public int version(FieldSite site, long id) {
		return queries.details(site.agent().user(), id).version();
	}
}
