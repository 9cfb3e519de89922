package io.kefu.request.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.request.HistoryEntry;
import io.kefu.request.Priority;
import io.kefu.request.RequestMother;
import io.kefu.request.RequestMother.FieldSite;
import io.kefu.request.RequestStatus;
import io.kefu.request.RequestType;
import io.kefu.request.ServiceRequestDetails;
import io.kefu.request.Assignment;
import io.kefu.request.FieldWork;
import io.kefu.request.PhotoUpload;
import io.kefu.request.ServiceRequestManagement;
import io.kefu.request.domain.RequestPhotos;
import io.kefu.request.ServiceRequestQueries;
import io.kefu.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The technician's job pages and the dispatch slip, over real HTTP with a signed-in session. */
@KefuIntegrationTest
class JobPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	RequestMother mother;

	@Autowired
	FieldWork work;

	@Autowired
	ServiceRequestManagement requests;

	@Autowired
	RequestPhotos photos;

	@Autowired
	ServiceRequestQueries queries;

	FieldSite site;

	TestUser agent;

	TestUser technician;

	@BeforeEach
	void aSiteWithAnAgentATechnicianAndEngineering() {
		site = mother.fieldSite();
		agent = site.agent();
		technician = site.technician();
	}

	@Test
	void aTechnicianDoesPaidWorkOnThePhonePagesFromAcceptanceToTheFee() throws IOException {
		Instant appointment = tomorrowAt(14, 30);
		long id = dispatched(RequestType.PAID_SERVICE, "管道疏通", "厨房下水道堵塞，要求疏通\n下午在家", appointment);
		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());

		String list = phone.get("/jobs").body();
		assertThat(list).contains("我的任务", number(id), "180#1-1-1", "特约服务", "厨房下水道堵塞，要求疏通", "14:30", "待接单",
				"href=\"/jobs/" + id + "\"");
		assertThat(list).doesNotContain("下午在家");

		String page = phone.get("/jobs/" + id).body();
		assertThat(page).as("the technician sent to an open job may call the customer")
			.contains("李女士", "href=\"tel:13800001111\"", "接单", "退单")
			.doesNotContain("id=\"arrive\"");

		step(phone, id, "accept", Map.of());
		assertThat(phone.get("/jobs/" + id).body()).contains("已接单", "id=\"arrive\"", "填写报价")
			.doesNotContain("id=\"accept\"");
		step(phone, id, "arrive", Map.of("findings", "下水管油污堵塞"));
		step(phone, id, "quote", Map.of("item", "管道疏通", "quantity", "1", "unitPrice", "80.00"),
				Map.of("item", "弯头", "quantity", "3", "unitPrice", "0.10"));
		String quoted = phone.get("/jobs/" + id).body();
		assertThat(quoted).contains("¥80.30", "客户确认报价", "特约服务须先经客户确认报价才能完工")
			.doesNotContain("id=\"complete-form\"");
		step(phone, id, "quote/accept", Map.of("acceptedBy", "赵女士"));
		step(phone, id, "materials", Map.of("materials", "弯头 3 个"));
		step(phone, id, "follow-up", Map.of("text", "已通知物业备弯头"));

		byte[] png = tinyPng();
		step(phone, id, "complete", Map.of("result", "已疏通，试水通畅", "confirmedBy", "赵女士", "signature",
				"data:image/png;base64," + Base64.getEncoder().encodeToString(png)));
		String completed = phone.get("/jobs/" + id).body();
		assertThat(completed).contains("已完工", "id=\"signature-image\"", "登记收费");
		assertThat(phone.getBytes("/jobs/" + id + "/signature.png").body()).isEqualTo(png);
		step(phone, id, "fee", Map.of("amount", "80.30"));

		ServiceRequestDetails done = queries.details(agent.user(), id);
		assertThat(done.status()).isEqualTo(RequestStatus.COMPLETED);
		assertThat(done.work().findings()).isEqualTo("下水管油污堵塞");
		assertThat(done.quote()).extracting(line -> line.item()).containsExactly("管道疏通", "弯头");
		assertThat(done.quoteTotal()).isEqualByComparingTo("80.30");
		assertThat(done.work().quoteAcceptedBy()).isEqualTo("赵女士");
		assertThat(done.work().materials()).isEqualTo("弯头 3 个");
		assertThat(done.work().result()).isEqualTo("已疏通，试水通畅");
		assertThat(done.work().confirmedBy()).isEqualTo("赵女士");
		assertThat(done.work().feeCollected()).isEqualByComparingTo("80.30");
		assertThat(done.followUps()).singleElement().satisfies(note -> assertThat(note.text()).isEqualTo("已通知物业备弯头"));
		assertThat(work.signature(agent.user(), id)).isEqualTo(png);
		assertThat(done.history()).extracting(HistoryEntry::action)
			.containsExactly("收费", "完工", "登记材料", "客户确认报价", "报价", "到场", "接单", "派工", "受理");
		assertThat(phone.get("/jobs/" + id).body()).contains("¥80.30", "已疏通，试水通畅", "收费", "更正收费");
		assertThat(phone.get("/jobs").body()).contains("已完工，待办结", number(id));
	}

	@Test
	void aStaleVersionIsToldItChangedAndChangesNothing() {
		long id = dispatched(RequestType.REPAIR, "渗漏水", "卫生间漏水", tomorrowAt(9, 0));
		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());
		int seen = version(id);
		step(phone, id, "accept", Map.of());
		phone.get("/jobs/" + id);

		HttpResponse<String> stale = phone.postForm("/jobs/" + id + "/arrive",
				Map.of("version", String.valueOf(seen), "findings", "旧页面上的记录"));
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(phone.follow(stale).body()).contains("数据已被他人修改");
		ServiceRequestDetails unchanged = queries.details(agent.user(), id);
		assertThat(unchanged.status()).isEqualTo(RequestStatus.ACCEPTED);
		assertThat(unchanged.work().findings()).isNull();
	}

	@Test
	void aStepTheStateDoesNotAllowIsRefusedWithItsReason() {
		long id = dispatched(RequestType.REPAIR, "渗漏水", "卫生间漏水", null);
		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());
		phone.get("/jobs/" + id);

		HttpResponse<String> early = phone.postForm("/jobs/" + id + "/complete",
				Map.of("version", String.valueOf(version(id)), "result", "已修复"));
		assertThat(phone.follow(early).body()).contains("不能完工");
		HttpResponse<String> noReason = phone.postForm("/jobs/" + id + "/return",
				Map.of("version", String.valueOf(version(id)), "reason", " "));
		assertThat(phone.follow(noReason).body()).contains("请填写退单原因");
		assertThat(queries.details(agent.user(), id).status()).isEqualTo(RequestStatus.DISPATCHED);
	}

	@Test
	void aTechnicianWhoGivesTheJobBackNoLongerSeesIt() {
		long id = dispatched(RequestType.REPAIR, "渗漏水", "卫生间漏水", tomorrowAt(9, 0));
		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());
		HttpResponse<String> returned = step(phone, id, "return", Map.of("reason", "不是我负责的楼栋"));
		assertThat(returned.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/jobs"));
		assertThat(phone.follow(returned).body()).contains("已退单").doesNotContain(number(id));
		assertThat(phone.get("/jobs/" + id).statusCode()).isEqualTo(404);
		assertThat(queries.details(agent.user(), id).status()).isEqualTo(RequestStatus.REGISTERED);
	}

	@Test
	void theTechnicianSeesThePhotosOfTheirJobAndNoOtherRequestsPhotos() {
		long job = dispatched(RequestType.REPAIR, "渗漏水", "卫生间漏水", tomorrowAt(9, 0));
		long photo = photoOf(job);
		long other = dispatched(RequestType.REPAIR, "渗漏水", "阳台漏水", tomorrowAt(10, 0));
		long otherPhoto = photoOf(other);
		requests.reassign(agent.user(), other, version(other), new Assignment(site.engineering(),
				site.siteManager().username(), null, null));
		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());

		assertThat(phone.get("/jobs/" + job).body()).contains("id=\"job-photos\"",
				"/requests/" + job + "/photos/" + photo);
		assertThat(phone.getBytes("/requests/" + job + "/photos/" + photo).body()).isEqualTo(IntakeMother.png());
		assertThat(phone.getBytes("/requests/" + other + "/photos/" + otherPhoto).statusCode()).isEqualTo(404);
	}

	private long photoOf(long id) {
		photos.store(id, photos.check(List.of(new PhotoUpload("leak.png", "image/png", IntakeMother.png()))), Instant.now());
		return queries.photos(agent.user(), id).get(0).id();
	}

	@Test
	void anotherTechnicianCannotOpenTheJob() {
		long id = dispatched(RequestType.REPAIR, "渗漏水", "卫生间漏水", tomorrowAt(9, 0));
		TestUser colleague = staff.user(EnumSet.of(Role.TECHNICIAN), List.of(site.site().id()));
		HttpTestClient other = new HttpTestClient(port);
		other.signIn(colleague.username(), colleague.password());

		assertThat(other.get("/jobs/" + id).statusCode()).isEqualTo(404);
		assertThat(other.get("/jobs/" + id + "/signature.png").statusCode()).isEqualTo(404);
		assertThat(other.get("/requests/" + id + "/slip").statusCode()).isEqualTo(404);
		assertThat(other.get("/jobs").body()).doesNotContain(number(id));
		other.get("/jobs");
		HttpResponse<String> forged = other.postForm("/jobs/" + id + "/accept", Map.of("version", String.valueOf(version(id))));
		assertThat(forged.statusCode()).isEqualTo(404);
		assertThat(queries.details(agent.user(), id).status()).isEqualTo(RequestStatus.DISPATCHED);
	}

	@Test
	void theSlipCarriesWhatTheTechnicianNeedsAndBlanksForTheHand() {
		long id = dispatched(RequestType.REPAIR, "渗漏水", "卫生间漏水，楼下顶棚有水渍", tomorrowAt(14, 30));
		HttpTestClient desk = new HttpTestClient(port);
		desk.signIn(agent.username(), agent.password());

		String slip = desk.get("/requests/" + id + "/slip").body();
		assertThat(slip).contains("派工单", number(id), "180#1-1-1", "卫生间漏水，楼下顶棚有水渍", "李女士", "13800001111",
				dateOf(tomorrowAt(14, 30)) + " 14:30", "工程部", technician.user().displayName(), agent.user().displayName(),
				site.site().name(), "维修人员签字", "客户签字", "处理情况", "size: A4");
		assertThat(desk.get("/requests/" + id + "/slip?size=A5").body()).contains("size: A5", "slip-A5");

		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());
		assertThat(phone.get("/requests/" + id + "/slip").body()).contains(number(id), "13800001111");
		assertThat(phone.get("/jobs/" + id).body()).contains("/requests/" + id + "/slip");
	}

	@Test
	void theNavigationLeadsTechniciansToTheirJobs() {
		HttpTestClient phone = new HttpTestClient(port);
		phone.signIn(technician.username(), technician.password());
		assertThat(phone.get("/").body()).contains("href=\"/jobs\"");
		HttpTestClient desk = new HttpTestClient(port);
		desk.signIn(agent.username(), agent.password());
		assertThat(desk.get("/").body()).doesNotContain("href=\"/jobs\"");
	}

	private long dispatched(RequestType type, String category, String text, Instant appointment) {
		return mother.dispatched(site, type, category, Priority.NORMAL, text, appointment);
	}

	/** Posts one step with the version the page shows; several maps are repeated fields (quote lines). */
	@SafeVarargs
	private HttpResponse<String> step(HttpTestClient phone, long id, String action, Map<String, String>... fields) {
		phone.get("/jobs/" + id);
		List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
		form.add(Map.entry("version", String.valueOf(version(id))));
		for (Map<String, String> group : fields) {
			group.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(form::add);
		}
		HttpResponse<String> response = phone.postForm("/jobs/" + id + "/" + action, form);
		assertThat(response.statusCode()).as(action).isEqualTo(302);
		if (!action.equals("return")) {
			assertThat(response.headers().firstValue("Location")).as(action)
				.hasValueSatisfying(location -> assertThat(location).endsWith("/jobs/" + id));
			assertThat(phone.follow(response).body()).as(action).contains("flash-notice").doesNotContain("flash-error");
		}
		return response;
	}

	private int version(long id) {
		return queries.details(agent.user(), id).version();
	}

	private String number(long id) {
		return queries.details(agent.user(), id).number();
	}

	private static Instant tomorrowAt(int hour, int minute) {
		return LocalDateTime.now(KefuApplication.ZONE)
			.plusDays(1)
			.withHour(hour)
			.withMinute(minute)
			.truncatedTo(ChronoUnit.MINUTES)
			.atZone(KefuApplication.ZONE)
			.toInstant();
	}

	private static String dateOf(Instant instant) {
		return instant.atZone(KefuApplication.ZONE).toLocalDate().toString();
	}

	static byte[] tinyPng() throws IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 2,
				java.awt.image.BufferedImage.TYPE_INT_ARGB);
		image.setRGB(1, 1, 0xff000000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
