package io.kefu.request;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.StaffMother.TestUser;
import io.kefu.directory.DepartmentKind;
import io.kefu.directory.StaffInput;
import io.kefu.directory.domain.Places;
import io.kefu.directory.domain.Staffing;
import io.kefu.security.AccountManagement;
import io.kefu.security.CurrentUser;
import io.kefu.security.Role;
import io.kefu.shared.StaleDataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request's life after intake: dispatch, field work, resolution, reopening, closing. */
@KefuIntegrationTest
@RecordApplicationEvents
class RequestLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	Places places;

	@Autowired
	Staffing staffing;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	FieldWork work;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	ApplicationEvents events;

	@Autowired
	QueueCounts queueCounts;

	SiteAndAdmin site;

	TestUser agent;

	TestUser technician;

	long engineering;

	@BeforeEach
	void aSiteWithAnAgentATechnicianAndEngineering() {
		site = staff.site();
		long building = places.createBuilding(site.admin().user(), site.site().id(), "180", null).id();
		places.generateRooms(site.admin().user(), building, 1, 2, 2, null);
		agent = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		technician = staff.user(EnumSet.of(Role.TECHNICIAN), List.of(site.site().id()));
		engineering = staffing.createDepartment(site.admin().user(), "E" + UUID.randomUUID().toString().substring(0, 8),
				"工程部", DepartmentKind.ENGINEERING).id();
	}

	@Test
	void theRepairPathThroughTheApi() {
		HttpTestClient desk = new HttpTestClient(port).withBasic(agent.username(), agent.password());
		HttpTestClient field = new HttpTestClient(port).withBasic(technician.username(), technician.password());
		long id = register(RequestType.REPAIR, "渗漏水", "卫生间漏水");
		Instant appointment = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

		assertThat(desk.postJson(path(id, "dispatch"), """
				{"version":%d,"departmentId":%d,"assignee":"%s","appointment":"%s","note":"带上密封胶"}"""
			.formatted(version(id), engineering, technician.username(), appointment)).statusCode()).isEqualTo(204);
		assertThat(field.get("/api/v1/requests?queue=JOBS").body()).contains("卫生间漏水");
		assertThat(field.postJson(path(id, "accept"), step(id)).statusCode()).isEqualTo(204);
		assertThat(field.postJson(path(id, "arrive"), step(id, "顶棚渗水，楼上地漏密封失效")).statusCode()).isEqualTo(204);
		assertThat(field.postJson(path(id, "pause"),
				"{\"version\":%d,\"reason\":\"WAITING_PARTS\",\"note\":\"等密封圈\"}".formatted(version(id))).statusCode())
			.isEqualTo(204);
		assertThat(desk.get("/api/v1/requests?queue=WAITING").body()).contains("卫生间漏水");
		assertThat(field.postJson(path(id, "resume"), step(id)).statusCode()).isEqualTo(204);
		assertThat(field.postJson(path(id, "complete"),
				"{\"version\":%d,\"result\":\"更换地漏密封圈，试水无渗漏\",\"confirmedBy\":\"李女士\"}".formatted(version(id)))
			.statusCode()).isEqualTo(204);
		assertThat(desk.postJson(path(id, "resolve"),
				"{\"version\":%d,\"result\":\"已修复\"}".formatted(version(id))).statusCode()).isEqualTo(204);
		assertThat(desk.postJson(path(id, "close"), step(id)).statusCode()).isEqualTo(204);

		ServiceRequestDetails done = queries.details(agent.user(), id);
		assertThat(done.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(done.work().assigneeName()).isEqualTo(technician.user().displayName());
		assertThat(done.work().appointment()).isEqualTo(appointment);
		assertThat(done.work().findings()).contains("地漏密封失效");
		assertThat(done.work().confirmedBy()).isEqualTo("李女士");
		assertThat(done.history()).extracting(HistoryEntry::action)
			.containsExactly("归档", "办结", "完工", "恢复处理", "暂停", "到场", "接单", "派工", "受理");
	}

	@Test
	void everyStepPublishesItsEvent() {
		long id = register(RequestType.REPAIR, "渗漏水", "阳台漏水");
		requests.dispatch(agent.user(), id, version(id), new Assignment(engineering, technician.username(), null, null));
		work.accept(technician.user(), id, version(id));
		work.arrive(technician.user(), id, version(id), null);
		work.pause(technician.user(), id, version(id), PauseReason.WAITING_CUSTOMER, null);
		work.resume(technician.user(), id, version(id));
		work.complete(technician.user(), id, version(id), "已修复", "王先生");
		requests.resolve(agent.user(), id, version(id), new Resolution("已修复", null, null, null, null, null, null));
		requests.reopen(agent.user(), id, version(id), "回访不满意：仍有渗水");
		assertThat(events.stream(ServiceRequestDispatched.class)).hasSize(1);
		assertThat(events.stream(ServiceRequestAccepted.class)).hasSize(1);
		assertThat(events.stream(ServiceRequestPaused.class)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo(PauseReason.WAITING_CUSTOMER));
		assertThat(events.stream(ServiceRequestResumed.class)).hasSize(1);
		assertThat(events.stream(ServiceRequestCompleted.class)).hasSize(1);
		assertThat(events.stream(ServiceRequestResolved.class)).hasSize(1);
		assertThat(events.stream(ServiceRequestReopened.class)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("回访不满意：仍有渗水"));

		ServiceRequestDetails reopened = queries.details(agent.user(), id);
		assertThat(reopened.status()).isEqualTo(RequestStatus.REGISTERED);
		assertThat(reopened.outcome().reopenCount()).isEqualTo(1);
		assertThat(reopened.history()).hasSize(9);
	}

	@Test
	void illegalTransitionsAreRefusedWithAReasonAndChangeNothing() {
		long id = register(RequestType.REPAIR, "渗漏水", "厨房漏水");
		assertThatThrownBy(() -> requests.resolve(agent.user(), id, version(id),
				new Resolution("修好了", null, null, null, null, null, null)))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessageContaining("须先派工并完工");

		TestUser otherTechnician = staff.user(EnumSet.of(Role.TECHNICIAN), List.of(site.site().id()));
		requests.dispatch(agent.user(), id, version(id), new Assignment(engineering, technician.username(), null, null));
		assertThatThrownBy(() -> work.accept(otherTechnician.user(), id, version(id)))
			.hasMessageContaining("没有找到该工单");
		HttpResponse<String> notTheirs = new HttpTestClient(port)
			.withBasic(otherTechnician.username(), otherTechnician.password())
			.get("/api/v1/requests/" + id);
		assertThat(notTheirs.statusCode()).isEqualTo(404);

		HttpResponse<String> returnWithoutReason = new HttpTestClient(port)
			.withBasic(technician.username(), technician.password())
			.postJson(path(id, "return"), step(id));
		assertThat(returnWithoutReason.body()).contains("请填写退单原因");

		long inquiry = register(RequestType.INQUIRY, "收费", "物业费标准");
		requests.resolve(agent.user(), inquiry, version(inquiry), new Resolution("已答复", null, null, null, null, null, null));
		requests.close(agent.user(), inquiry, version(inquiry), null);
		assertThatThrownBy(() -> requests.dispatch(agent.user(), inquiry, version(inquiry),
				new Assignment(engineering, technician.username(), null, null)))
			.hasMessageContaining("已归档")
			.hasMessageContaining("不能派工");
		assertThat(queries.details(agent.user(), inquiry).status()).isEqualTo(RequestStatus.CLOSED);
	}

	@Test
	void aTechnicianWhoGivesTheJobBackWaitsForADispatchAgain() {
		long id = register(RequestType.REPAIR, "门窗", "窗户关不上");
		requests.dispatch(agent.user(), id, version(id), new Assignment(engineering, technician.username(), null, null));
		work.returnJob(technician.user(), id, version(id), "不会修铝合金窗");
		ServiceRequestDetails returned = queries.details(agent.user(), id);
		assertThat(returned.status()).isEqualTo(RequestStatus.REGISTERED);
		assertThat(returned.work().assigneeId()).isNull();
		assertThat(returned.history().get(0).note()).isEqualTo("不会修铝合金窗");
		assertThat(queries.queue(agent.user(), Queue.UNASSIGNED, site.site().id(), null, null).items())
			.extracting(ServiceRequestSummary::id)
			.contains(id);
	}

	@Test
	void twoAgentsDispatchingAtOnceOneWinsAndTheOtherIsToldItChanged() throws Exception {
		long id = register(RequestType.REPAIR, "电梯", "电梯困人");
		TestUser supervisor = staff.user(EnumSet.of(Role.SUPERVISOR), List.of(site.site().id()));
		TestUser second = staff.user(EnumSet.of(Role.TECHNICIAN), List.of(site.site().id()));
		int seen = version(id);
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Callable<String>> both = List.of(dispatchAt(together, agent.user(), id, seen, technician.username()),
				dispatchAt(together, supervisor.user(), id, seen, second.username()));
		List<String> outcomes = new java.util.ArrayList<>();
		for (Future<String> outcome : pool.invokeAll(both)) {
			outcomes.add(outcome.get());
		}
		pool.shutdown();
		assertThat(outcomes).containsExactlyInAnyOrder("dispatched", "stale");
		assertThat(queries.details(agent.user(), id).history()).filteredOn(h -> h.action().equals("派工")).hasSize(1);
	}

	@Test
	void majorComplaintsGoToTheSiteManagerAndResolveWithTheirFindings() {
		long id = requests.register(agent.user(), new NewRequest(site.site().id(), RequestType.COMPLAINT,
				category(RequestType.COMPLAINT, "服务态度"), Channel.VISIT, Priority.NORMAL, true, null, "周先生",
				"13900002222", false, null, null, null, "保安态度恶劣", null), null).id();
		TestUser manager = staff.user(EnumSet.of(Role.SITE_MANAGER), List.of(site.site().id()));
		long service = staffing.createDepartment(site.admin().user(), "C" + UUID.randomUUID().toString().substring(0, 8),
				"客服部", DepartmentKind.CUSTOMER_SERVICE).id();

		assertThatThrownBy(() -> requests.dispatch(agent.user(), id, version(id),
				new Assignment(service, technician.username(), null, null)))
			.hasMessageContaining("重大投诉须派给服务中心经理");
		requests.dispatch(agent.user(), id, version(id), new Assignment(service, manager.username(), null, null));
		assertThat(queries.queue(manager.user(), Queue.MAJOR, null, null, null).items()).extracting(ServiceRequestSummary::id)
			.contains(id);
		work.accept(manager.user(), id, version(id));
		work.arrive(manager.user(), id, version(id), "约谈当班保安");
		work.complete(manager.user(), id, version(id), "已向业主道歉", "周先生");
		assertThatThrownBy(() -> requests.resolve(agent.user(), id, version(id),
				new Resolution("已处理", null, null, null, null, null, null)))
			.hasMessageContaining("是否有效投诉");
		requests.resolve(agent.user(), id, version(id),
				new Resolution("已处理", true, service, "岗前培训不足", "全员服务礼仪培训", null, null));
		ServiceRequestDetails resolved = queries.details(agent.user(), id);
		assertThat(resolved.outcome().complaintValid()).isTrue();
		assertThat(resolved.outcome().correctiveAction()).isEqualTo("全员服务礼仪培训");
	}

	@Test
	void aSuggestionIsAnsweredAdoptedOrNotWithReasonsAndThanks() {
		long id = register(RequestType.SUGGESTION, "设施", "建议增设快递柜");
		assertThatThrownBy(() -> requests.resolve(agent.user(), id, version(id),
				new Resolution("收到", null, null, null, null, true, null)))
			.hasMessageContaining("是否采纳");
		requests.resolve(agent.user(), id, version(id),
				new Resolution("采纳", null, null, null, null, true, "感谢您的建议，下月在南门增设快递柜"));
		assertThat(queries.details(agent.user(), id).outcome().reply()).contains("感谢");
	}

	@Test
	void workForSomeoneOnLeaveGoesToTheirBackup() {
		StaffInput a = new StaffInput("A" + UUID.randomUUID().toString().substring(0, 6), "张师傅", EnumSet.of(Role.TECHNICIAN),
				List.of(site.site().id()), engineering, null, null, true);
		long aId = staffing.createStaff(site.admin().user(), a).id();
		StaffInput b = new StaffInput("B" + UUID.randomUUID().toString().substring(0, 6), "李师傅", EnumSet.of(Role.TECHNICIAN),
				List.of(site.site().id()), engineering, null, aId, true);
		long bId = staffing.createStaff(site.admin().user(), b).id();
		staffing.updateStaff(site.admin().user(), aId, new StaffInput(a.staffNumber(), a.name(), a.roles(), a.siteIds(),
				engineering, null, bId, true));
		staffing.setOnLeave(site.admin().user(), aId, true);

		long id = register(RequestType.REPAIR, "门窗", "门吸坏了");
		requests.dispatch(agent.user(), id, version(id), new Assignment(engineering, a.staffNumber(), null, null));
		ServiceRequestDetails dispatched = queries.details(agent.user(), id);
		assertThat(dispatched.work().assigneeName()).isEqualTo("李师傅");
		assertThat(dispatched.history().get(0).note()).contains("张师傅 休假", "A/B岗");
		CurrentUser backup = current(b.staffNumber());
		assertThat(queries.queue(backup, Queue.JOBS, null, null, null).items()).extracting(ServiceRequestSummary::id)
			.containsExactly(id);
	}

	private Callable<String> dispatchAt(CyclicBarrier together, CurrentUser user, long id, int version, String to) {
		return () -> {
			together.await();
			try {
				requests.dispatch(user, id, version, new Assignment(engineering, to, null, null));
				return "dispatched";
			}
			catch (StaleDataException ex) {
				return "stale";
			}
		};
	}

	private CurrentUser current(String username) {
		var a = accounts.findByUsername(username).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.roles(), a.siteIds());
	}

	private long register(RequestType type, String category, String text) {
		return requests.register(agent.user(), new NewRequest(site.site().id(), type, category(type, category),
				Channel.PHONE, Priority.NORMAL, false, null, "李女士", "13800001111", false, null, "180#1-1-1", null, text,
				null), null).id();
	}

	private long category(RequestType type, String name) {
		return requests.categories(type).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
	}

	private int version(long id) {
		return queries.details(agent.user(), id).version();
	}

	private String step(long id) {
		return "{\"version\":" + version(id) + "}";
	}

	private String step(long id, String note) {
		return "{\"version\":" + version(id) + ",\"note\":\"" + note + "\"}";
	}

	private static String path(long id, String action) {
		return "/api/v1/requests/" + id + "/" + action;
	}

	@Test
	void paidWorkIsQuotedAcceptedSignedForAndPaidInExactYuan() throws Exception {
		long id = register(RequestType.PAID_SERVICE, "管道疏通", "厨房下水道堵塞，要求疏通");
		requests.dispatch(agent.user(), id, version(id), new Assignment(engineering, technician.username(), null, null));
		work.accept(technician.user(), id, version(id));
		work.arrive(technician.user(), id, version(id), "下水管油污堵塞");

		assertThatThrownBy(() -> work.quote(technician.user(), id, version(id),
				List.of(new QuoteLine("疏通", new java.math.BigDecimal("1"), new java.math.BigDecimal("80.001")))))
			.hasMessageContaining("最多两位小数");
		work.quote(technician.user(), id, version(id), List.of(
				new QuoteLine("管道疏通", new java.math.BigDecimal("1"), new java.math.BigDecimal("80.00")),
				new QuoteLine("弯头", new java.math.BigDecimal("3"), new java.math.BigDecimal("0.10"))));
		assertThatThrownBy(() -> work.complete(technician.user(), id, version(id), "已疏通", "赵女士"))
			.hasMessageContaining("须先经客户确认报价");
		work.acceptQuote(technician.user(), id, version(id), "赵女士");
		assertThatThrownBy(() -> work.quote(technician.user(), id, version(id),
				List.of(new QuoteLine("加价", java.math.BigDecimal.ONE, java.math.BigDecimal.TEN))))
			.hasMessageContaining("客户已确认报价");
		work.recordMaterials(technician.user(), id, version(id), "弯头 3 个");

		HttpTestClient field = new HttpTestClient(port).withBasic(technician.username(), technician.password());
		HttpResponse<String> notAnImage = field.postJson(path(id, "complete"),
				"{\"version\":%d,\"result\":\"已疏通\",\"confirmedBy\":\"赵女士\",\"signature\":\"data:image/png;base64,aGVsbG8gd29ybGQh\"}"
					.formatted(version(id)));
		assertThat(notAnImage.body()).contains("签名须为 PNG 图片");
		byte[] png = tinyPng();
		HttpResponse<String> signed = field.postJson(path(id, "complete"),
				"{\"version\":%d,\"result\":\"已疏通\",\"confirmedBy\":\"赵女士\",\"signature\":\"data:image/png;base64,%s\"}"
					.formatted(version(id), java.util.Base64.getEncoder().encodeToString(png)));
		assertThat(signed.statusCode()).isEqualTo(204);
		assertThat(field.getBytes(path(id, "signature.png")).body()).isEqualTo(png);

		assertThatThrownBy(() -> work.collectFee(technician.user(), id, version(id), new java.math.BigDecimal("-1")))
			.hasMessageContaining("不小于 0");
		work.collectFee(technician.user(), id, version(id), new java.math.BigDecimal("80.30"));
		ServiceRequestDetails paid = queries.details(agent.user(), id);
		assertThat(paid.quoteTotal()).isEqualByComparingTo("80.30");
		assertThat(paid.work().feeCollected()).isEqualByComparingTo("80.30");
		assertThat(paid.work().quoteAcceptedBy()).isEqualTo("赵女士");
		assertThat(paid.work().materials()).isEqualTo("弯头 3 个");
	}

	@Test
	void duplicatesMergeIntoOneParentAndEachChildIsResolvedWithIt() {
		long parent = register(RequestType.REPAIR, "电梯", "3号电梯停在5楼不动");
		long first = register(RequestType.REPAIR, "电梯", "电梯坏了（5楼住户）");
		long second = register(RequestType.REPAIR, "电梯", "电梯不能用（8楼住户）");
		requests.merge(agent.user(), parent, List.of(first, second), "同一部电梯故障");
		assertThatThrownBy(() -> requests.dispatch(agent.user(), first, version(first),
				new Assignment(engineering, technician.username(), null, null)))
			.hasMessageContaining("随主工单处理");
		assertThatThrownBy(() -> requests.merge(agent.user(), parent, List.of(first), "再合并"))
			.hasMessageContaining("已合并");

		requests.dispatch(agent.user(), parent, version(parent), new Assignment(engineering, technician.username(), null, null));
		work.accept(technician.user(), parent, version(parent));
		work.arrive(technician.user(), parent, version(parent), null);
		requests.followUp(technician.user(), parent, "等待电梯公司更换主板，预计明日到货");
		work.complete(technician.user(), parent, version(parent), "更换主板", null);
		requests.resolve(agent.user(), parent, version(parent), new Resolution("电梯已恢复运行", null, null, null, null, null, null));

		assertThat(queries.details(agent.user(), parent).childIds()).containsExactly(first, second);
		assertThat(queries.details(agent.user(), parent).followUps()).singleElement()
			.satisfies(n -> assertThat(n.text()).contains("主板"));
		for (long child : List.of(first, second)) {
			ServiceRequestDetails details = queries.details(agent.user(), child);
			assertThat(details.status()).isEqualTo(RequestStatus.RESOLVED);
			assertThat(details.resolution()).contains("电梯已恢复运行");
			assertThat(details.parentId()).isEqualTo(parent);
		}
		assertThat(events.stream(ServiceRequestResolved.class).map(ServiceRequestResolved::requestId))
			.containsExactlyInAnyOrder(parent, first, second);
		assertThat(events.stream(ServiceRequestMerged.class)).singleElement()
			.satisfies(e -> assertThat(e.childIds()).containsExactly(first, second));
	}

	private static byte[] tinyPng() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 2, java.awt.image.BufferedImage.TYPE_INT_ARGB);
		image.setRGB(1, 1, 0xff000000);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void queueCountsFollowEveryChangeWithoutRecounting() {
		java.util.function.Supplier<java.util.Map<Queue, Long>> counts = () -> queueCounts.of(agent.user(), site.site().id());
		assertThat(counts.get()).containsEntry(Queue.OPEN, 0L).containsEntry(Queue.MINE, 0L);

		long id = register(RequestType.REPAIR, "门窗", "单元门关不上");
		long other = register(RequestType.COMPLAINT, "噪音", "楼上装修噪音");
		assertThat(counts.get()).containsEntry(Queue.OPEN, 2L)
			.containsEntry(Queue.UNASSIGNED, 2L)
			.containsEntry(Queue.MINE, 2L);

		requests.dispatch(agent.user(), id, version(id), new Assignment(engineering, technician.username(), null, null));
		work.accept(technician.user(), id, version(id));
		work.arrive(technician.user(), id, version(id), null);
		work.pause(technician.user(), id, version(id), PauseReason.WAITING_PARTS, null);
		assertThat(counts.get()).containsEntry(Queue.UNASSIGNED, 1L).containsEntry(Queue.WAITING, 1L);
		assertThat(queueCounts.of(technician.user(), null)).containsEntry(Queue.JOBS, 1L);

		TestUser colleague = staff.user(EnumSet.of(Role.AGENT), List.of(site.site().id()));
		requests.transfer(agent.user(), other, colleague.username(), "交班", version(other));
		requests.resolve(colleague.user(), other, version(other), new Resolution("已协调", false, null, null, null, null, null));
		assertThat(counts.get()).containsEntry(Queue.OPEN, 1L).containsEntry(Queue.MINE, 1L);
		assertThat(queueCounts.of(colleague.user(), site.site().id())).containsEntry(Queue.MINE, 0L);
	}
}
