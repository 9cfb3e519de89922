package io.kefu.request.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.Channel;
import io.kefu.request.FieldWork;
import io.kefu.request.HistoryEntry;
import io.kefu.request.NewRequest;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request page's small forms (only the steps the state allows) and the queue
 * page's tabs, counts and filters, over HTTP with a signed-in page session.
 */
@KefuIntegrationTest
class RequestPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	RequestMother mother;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	ServiceRequestQueries queries;

	@Autowired
	FieldWork work;

	FieldSite site;

	HttpTestClient agent;

	@BeforeEach
	void aSiteAndItsAgentSignedIn() {
		site = mother.fieldSite();
		agent = new HttpTestClient(port);
		agent.follow(agent.signIn(site.agent().username(), site.agent().password()));
	}

	@Test
	void aRepairIsDispatchedResolvedReopenedAndClosedFromItsPage() {
		long id = register(RequestType.REPAIR, "给水", false, "厨房水管漏水");
		String page = agent.get("/requests/" + id).body();
		assertThat(page).contains("id=\"step-dispatch\"", "id=\"step-transfer\"", "id=\"step-merge\"", "维修老李", "经理老周")
			.as("a repair is resolved only after the work is done")
			.doesNotContain("id=\"step-resolve\"", "id=\"step-reopen\"", "id=\"step-close\"", "id=\"print-slip\"");

		step(id, "dispatch", Map.of("departmentId", String.valueOf(site.engineering()), "assignee",
				site.technician().username(), "appointment", LocalDate.now().plusDays(1) + "T09:30", "note", "带扳手"));
		ServiceRequestDetails dispatched = queries.details(site.agent().user(), id);
		assertThat(dispatched.status()).isEqualTo(RequestStatus.DISPATCHED);
		assertThat(dispatched.work().assigneeId()).isEqualTo(site.technician().user().accountId());
		assertThat(dispatched.work().appointment().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalTime())
			.hasToString("09:30");
		assertThat(agent.get("/requests/" + id).body()).contains("id=\"print-slip\"", "转派", "id=\"step-follow-up\"", "带扳手")
			.doesNotContain("id=\"step-resolve\"");

		work.accept(site.technician().user(), id, version(id));
		work.arrive(site.technician().user(), id, version(id), null);
		work.complete(site.technician().user(), id, version(id), "更换阀门", "李女士");
		assertThat(agent.get("/requests/" + id).body()).contains("id=\"step-resolve\"", "更换阀门")
			.doesNotContain("id=\"step-dispatch\"");

		step(id, "resolve", Map.of("result", "已更换阀门，客户满意"));
		step(id, "reopen", Map.of("reason", "客户反映又漏了"));
		ServiceRequestDetails reopened = queries.details(site.agent().user(), id);
		assertThat(reopened.status()).isEqualTo(RequestStatus.REGISTERED);
		assertThat(reopened.outcome().reopenCount()).isEqualTo(1);
		assertThat(agent.get("/requests/" + id).body()).contains("重新派工 1 次", "客户反映又漏了", "已更换阀门，客户满意");

		step(id, "dispatch", Map.of("departmentId", String.valueOf(site.engineering()), "assignee",
				site.technician().username()));
		work.accept(site.technician().user(), id, version(id));
		work.arrive(site.technician().user(), id, version(id), null);
		work.complete(site.technician().user(), id, version(id), "换新水管", "李女士");
		step(id, "resolve", Map.of("result", "已换新水管"));
		step(id, "close", Map.of("note", "回访满意"));
		assertThat(queries.details(site.agent().user(), id).history()).extracting(HistoryEntry::action)
			.containsExactly("归档", "办结", "完工", "到场", "接单", "派工", "重新派工", "办结", "完工", "到场", "接单", "派工",
					"受理");
		assertThat(agent.get("/requests/" + id).body()).contains("id=\"step-reopen\"")
			.doesNotContain("id=\"step-close\"", "id=\"step-transfer\"", "id=\"step-merge\"");
	}

	@Test
	void aMajorComplaintIsDispatchedOnlyToTheSiteManagerAndResolvedWithItsFindings() {
		long id = register(RequestType.COMPLAINT, "噪音", true, "楼上深夜装修<script>alert(1)</script>");
		String page = agent.get("/requests/" + id).body();
		assertThat(page).contains("重大投诉须派给服务中心经理", "经理老周", "id=\"step-resolve\"", "有效投诉", "整改措施",
				"楼上深夜装修&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
		String assignees = page.substring(page.indexOf("id=\"dispatch-assignee\""), page.indexOf("id=\"dispatch-appointment\""));
		assertThat(assignees).contains("经理老周").doesNotContain("维修老李");

		HttpResponse<String> refused = agent.postForm("/requests/" + id + "/dispatch", Map.of("version",
				String.valueOf(version(id)), "departmentId", String.valueOf(site.engineering()), "assignee",
				site.technician().username()));
		assertThat(agent.follow(refused).body()).contains("重大投诉须派给服务中心经理");
		assertThat(queries.details(site.agent().user(), id).status()).isEqualTo(RequestStatus.REGISTERED);

		HttpResponse<String> noFinding = agent.postForm("/requests/" + id + "/resolve",
				Map.of("version", String.valueOf(version(id)), "result", "已协调"));
		assertThat(agent.follow(noFinding).body()).contains("投诉办结时须判定是否有效投诉");

		step(id, "resolve", Map.of("result", "已约谈施工方，限定施工时间", "complaintValid", "true",
				"responsibleDepartmentId", String.valueOf(site.engineering()), "cause", "装修巡查不到位", "correctiveAction",
				"每晚 20 点后巡查装修户"));
		ServiceRequestDetails resolved = queries.details(site.agent().user(), id);
		assertThat(resolved.outcome().complaintValid()).isTrue();
		assertThat(resolved.outcome().responsibleDepartmentName()).isEqualTo("工程部");
		assertThat(agent.get("/requests/" + id).body()).contains("有效投诉", "工程部", "装修巡查不到位", "每晚 20 点后巡查装修户");
	}

	@Test
	void aSuggestionIsAnsweredWithTheReasonAndThanks() {
		long id = register(RequestType.SUGGESTION, "设施", false, "建议东门增设快递柜");
		assertThat(agent.get("/requests/" + id).body()).contains("是否采纳", "感谢您对我们工作的关心和支持！");
		HttpResponse<String> noReply = agent.postForm("/requests/" + id + "/resolve",
				Map.of("version", String.valueOf(version(id)), "result", "已答复", "suggestionAdopted", "true"));
		assertThat(agent.follow(noReply).body()).contains("建议办结时须说明是否采纳");
		step(id, "resolve", Map.of("result", "已答复", "suggestionAdopted", "true", "reply", "已联系快递柜公司，下月安装。感谢您的建议！"));
		assertThat(agent.get("/requests/" + id).body()).contains("采纳", "已联系快递柜公司，下月安装。感谢您的建议！");
	}

	@Test
	void duplicatesAreMergedByTheirNumbersAndLinkedBothWays() {
		long parent = register(RequestType.REPAIR, "电梯", false, "2栋电梯停在5楼");
		long first = register(RequestType.REPAIR, "电梯", false, "电梯不动了");
		long second = register(RequestType.REPAIR, "电梯", false, "电梯坏了有人困住吗");
		String numbers = number(first) + "\n" + number(second).toLowerCase();

		HttpResponse<String> unknown = agent.postForm("/requests/" + parent + "/merge",
				Map.of("numbers", number(first) + ", XX-000000-0000", "reason", "同一部电梯"));
		assertThat(agent.follow(unknown).body()).contains("没有找到工单 XX-000000-0000");
		assertThat(queries.details(site.agent().user(), first).parentId()).as("nothing merged").isNull();

		step(parent, "merge", Map.of("numbers", numbers, "reason", "同一部电梯"));
		assertThat(agent.get("/requests/" + parent).body()).contains("合并进来的重复工单", number(first), number(second),
				"href=\"/requests/" + first + "\"");
		assertThat(agent.get("/requests/" + first).body()).contains("已合并到", number(parent))
			.doesNotContain("id=\"request-steps\"");
	}

	@Test
	void ownershipMovesByAnExplicitTransferWithTheReason() {
		long id = register(RequestType.HELP, "其他", false, "老人摔倒需要帮助");
		TestUser colleague = mother.staffMember(site.siteAndAdmin(), Role.AGENT, "客服小赵", null);
		HttpResponse<String> noReason = agent.postForm("/requests/" + id + "/transfer",
				Map.of("version", String.valueOf(version(id)), "to", colleague.username()));
		assertThat(agent.follow(noReason).body()).contains("请填写转交原因");

		step(id, "transfer", Map.of("to", colleague.username(), "reason", "下班交接"));
		assertThat(queries.details(site.agent().user(), id).ownerId()).isEqualTo(colleague.user().accountId());
		assertThat(agent.get("/requests/" + id).body()).contains("转交给 客服小赵：下班交接")
			.as("the former owner may no longer steer it").doesNotContain("id=\"request-steps\"");
	}

	@Test
	void aStaleFormIsToldTheRequestChangedAndChangesNothing() {
		long id = register(RequestType.REPAIR, "门窗", false, "单元门关不上");
		int seen = version(id);
		step(id, "dispatch", Map.of("departmentId", String.valueOf(site.engineering()), "assignee",
				site.technician().username()));
		HttpResponse<String> stale = agent.postForm("/requests/" + id + "/transfer",
				Map.of("version", String.valueOf(seen), "to", site.siteManager().username(), "reason", "旧页面"));
		assertThat(agent.follow(stale).body()).contains("数据已被他人修改");
		assertThat(queries.details(site.agent().user(), id).ownerId()).isEqualTo(site.agent().user().accountId());
	}

	@Test
	void anotherSitesStaffNeitherSeeNorChangeTheRequest() {
		long id = register(RequestType.REPAIR, "门窗", false, "单元门关不上");
		FieldSite other = mother.fieldSite();
		HttpTestClient outsider = new HttpTestClient(port);
		outsider.follow(outsider.signIn(other.agent().username(), other.agent().password()));
		assertThat(outsider.get("/requests/" + id).statusCode()).isEqualTo(404);
		for (String step : List.of("dispatch", "transfer", "resolve", "reopen", "close", "merge", "follow-up")) {
			HttpResponse<String> refused = outsider.postForm("/requests/" + id + "/" + step,
					Map.of("version", String.valueOf(version(id)), "departmentId", String.valueOf(other.engineering()),
							"assignee", other.technician().username(), "to", other.agent().username(), "reason", "x",
							"result", "x", "numbers", number(id), "text", "x"));
			// Merge reads the duplicates' numbers first: none of them is found from another site either.
			assertThat(refused.statusCode() == 404 || outsider.follow(refused).body().contains("没有找到工单")).as(step)
				.isTrue();
		}
		assertThat(outsider.get("/requests?queue=OPEN").body()).doesNotContain(number(id));
		ServiceRequestDetails untouched = queries.details(site.agent().user(), id);
		assertThat(untouched.status()).isEqualTo(RequestStatus.REGISTERED);
		assertThat(untouched.history()).hasSize(1);
	}

	@Test
	void theQueuePageShowsLiveCountsFiltersAndTheMostUrgentFirst() {
		long repair = register(RequestType.REPAIR, "门窗", false, "单元门关不上");
		long urgent = registerUrgent("给水", "水管爆裂");
		long major = register(RequestType.COMPLAINT, "噪音", true, "深夜装修噪音");
		long praise = register(RequestType.PRAISE, "服务", false, "表扬保安小刘");

		String open = agent.get("/requests?queue=OPEN").body();
		assertThat(open).contains("hx-trigger=\"every 30s\"", "id=\"tab-UNASSIGNED\"", "id=\"tab-MAJOR\"")
			.contains(number(repair), number(urgent), number(major), number(praise));
		assertThat(count(open, "OPEN")).isEqualTo(4);
		assertThat(count(open, "MAJOR")).isEqualTo(1);
		assertThat(count(open, "MINE")).isEqualTo(4);

		String urgentFirst = agent.get("/requests?queue=OPEN&order=URGENCY").body();
		assertThat(urgentFirst.indexOf(number(major))).isLessThan(urgentFirst.indexOf(number(urgent)));
		assertThat(urgentFirst.indexOf(number(urgent))).isLessThan(urgentFirst.indexOf(number(repair)));
		assertThat(urgentFirst.indexOf(number(repair))).as("then the longest waiting")
			.isLessThan(urgentFirst.indexOf(number(praise)));

		String repairs = agent.get("/requests?queue=OPEN&type=REPAIR").body();
		assertThat(repairs).contains(number(repair), number(urgent)).doesNotContain(number(major), number(praise));
		String ofAnotherType = agent.get("/requests?queue=OPEN&type=COMPLAINT&category=" + category(RequestType.REPAIR, "门窗"))
			.body();
		assertThat(ofAnotherType).as("a category left over from another type is dropped").contains(number(major));
		assertThat(agent.get("/requests?queue=OPEN&channel=VISIT").body()).contains("没有工单");
		assertThat(agent.get("/requests?queue=OPEN&from=" + LocalDate.now().plusDays(1)).body()).contains("没有工单");
		assertThat(agent.get("/requests?queue=OPEN&from=" + LocalDate.now() + "&to=" + LocalDate.now().minusDays(1))
			.statusCode()).isEqualTo(400);

		step(repair, "dispatch", Map.of("departmentId", String.valueOf(site.engineering()), "assignee",
				site.technician().username()));
		String afterDispatch = agent.get("/requests?queue=UNASSIGNED").body();
		assertThat(count(afterDispatch, "UNASSIGNED")).isEqualTo(3);
		assertThat(afterDispatch).doesNotContain(number(repair));
		assertThat(agent.get("/requests?queue=OPEN").body()).contains("维修老李");
	}

	private static int count(String page, String tab) {
		int at = page.indexOf("id=\"tab-" + tab + "\"");
		String badge = page.substring(page.indexOf("queue-count", at));
		return Integer.parseInt(badge.substring(badge.indexOf('>') + 1, badge.indexOf('<')).strip());
	}

	private void step(long id, String step, Map<String, String> fields) {
		Map<String, String> form = new java.util.HashMap<>(fields);
		form.putIfAbsent("version", String.valueOf(version(id)));
		HttpResponse<String> response = agent.postForm("/requests/" + id + "/" + step, form);
		assertThat(response.statusCode()).as(step).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).as(step).hasValueSatisfying(l -> l.endsWith("/requests/" + id));
		assertThat(agent.follow(response).body()).as(step).contains("alert-success").doesNotContain("alert-danger");
	}

	private long register(RequestType type, String category, boolean major, String text) {
		return requests.register(site.agent().user(), new NewRequest(site.site().id(), type, category(type, category),
				Channel.PHONE, Priority.NORMAL, major, null, "李女士", "13800001111", false, null, RequestMother.ROOM, null,
				text, null), null).id();
	}

	private long registerUrgent(String category, String text) {
		return requests.register(site.agent().user(), new NewRequest(site.site().id(), RequestType.REPAIR,
				category(RequestType.REPAIR, category), Channel.PHONE, Priority.URGENT, false, null, "张先生", null, false,
				null, RequestMother.ROOM, null, text, null), null).id();
	}

	private long category(RequestType type, String name) {
		return requests.categories(type).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
	}

	private int version(long id) {
		return queries.details(site.agent().user(), id).version();
	}

	private String number(long id) {
		return queries.details(site.agent().user(), id).number();
	}
}
