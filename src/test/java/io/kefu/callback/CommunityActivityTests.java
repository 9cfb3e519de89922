package io.kefu.callback;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.kefu.HttpTestClient;
import io.kefu.KefuApplication;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother.TestUser;
import io.kefu.security.Role;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.Satisfaction;
import io.kefu.shared.StaleDataException;
import io.kefu.survey.SurveyMother;
import io.kefu.survey.SurveyMother.Site;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Community activities: at least 10 % of the households that took part are called back,
 * each call reached with a satisfaction or failed until unreachable, the satisfaction
 * held against 80 %; every refusal changes nothing, and other sites see nothing.
 */
@KefuIntegrationTest
class CommunityActivityTests {

	static final LocalDate TODAY = LocalDate.now(KefuApplication.ZONE);

	@LocalServerPort
	int port;

	@Autowired
	SurveyMother places;

	@Autowired
	CommunityActivities activities;

	@Autowired
	JdbcClient jdbc;

	Site site;

	TestUser agent;

	@BeforeEach
	void aSiteWith25Households() {
		site = places.site(0, 25);
		agent = places.staffMember(site, Role.AGENT, "客服小李");
	}

	@Test
	void aTenthOfTheParticipantsRoundedUpIsCalledBackAndTheirSatisfactionCounted() {
		long id = activities.record(agent.user(), new ActivityInput(site.id(), "重阳节敬老活动", TODAY.minusDays(1), rooms(25)));
		ActivityDetails details = activities.details(agent.user(), id);
		assertThat(details.activity().participants()).isEqualTo(25);
		assertThat(details.activity().sampled()).as("10 % of 25, rounded up").isEqualTo(3);
		assertThat(details.callbacks()).hasSize(3)
			.allSatisfy(c -> assertThat(c.state()).isEqualTo(ActivityCallbackState.OPEN))
			.extracting(ActivityCallback::roomCode)
			.doesNotHaveDuplicates()
			.allMatch(rooms(25)::contains);

		ActivityCallback first = details.callbacks().get(0);
		ActivityCallback second = details.callbacks().get(1);
		ActivityCallback third = details.callbacks().get(2);
		activities.call(agent.user(), id, first.householdId(), first.version(), CallbackResult.REACHED,
				Satisfaction.SATISFIED, "活动组织得很好");
		for (int attempt = 0; attempt < 3; attempt++) {
			ActivityCallback now = callback(id, second.householdId());
			assertThat(now.state()).as("open until the third failed try").isEqualTo(ActivityCallbackState.OPEN);
			activities.call(agent.user(), id, second.householdId(), now.version(), CallbackResult.NO_ANSWER, null, null);
		}
		activities.call(agent.user(), id, third.householdId(), third.version(), CallbackResult.REACHED,
				Satisfaction.DISSATISFIED, "场地太小");

		ActivitySummary figures = activities.details(agent.user(), id).activity();
		assertThat(callback(id, second.householdId()).state()).isEqualTo(ActivityCallbackState.UNREACHABLE);
		assertThat(callback(id, first.householdId()).comment()).isEqualTo("活动组织得很好");
		assertThat(figures.reached()).isEqualTo(2);
		assertThat(figures.unreachable()).isEqualTo(1);
		assertThat(figures.satisfactionRate()).isEqualTo(50.0);
		assertThat(figures.belowTarget()).as("under the manual's 80 %").isTrue();
		assertThat(activities.activities(agent.user(), site.id(), 10)).extracting(ActivitySummary::id).containsExactly(id);
	}

	@Test
	void aStaleOrFinishedOrUnfitCallIsRefusedAndChangesNothing() {
		long id = activities.record(agent.user(), new ActivityInput(site.id(), "消夏晚会", TODAY, rooms(5)));
		ActivityCallback only = activities.details(agent.user(), id).callbacks().get(0);
		assertThatThrownBy(() -> activities.call(agent.user(), id, only.householdId(), only.version(),
				CallbackResult.REACHED, null, null)).isInstanceOf(InvalidInputException.class).hasMessage("接通后请选择满意度");
		assertThatThrownBy(() -> activities.call(agent.user(), id, only.householdId(), only.version(),
				CallbackResult.RESCHEDULED, null, null)).hasMessage("活动回访只记接通或未接通、拒访、空号");
		activities.call(agent.user(), id, only.householdId(), only.version(), CallbackResult.NO_ANSWER, null, null);
		assertThatThrownBy(() -> activities.call(agent.user(), id, only.householdId(), only.version(),
				CallbackResult.REACHED, Satisfaction.SATISFIED, null)).isInstanceOf(StaleDataException.class);
		ActivityCallback now = callback(id, only.householdId());
		activities.call(agent.user(), id, only.householdId(), now.version(), CallbackResult.REACHED,
				Satisfaction.VERY_SATISFIED, null);
		assertThatThrownBy(() -> activities.call(agent.user(), id, only.householdId(), now.version() + 1,
				CallbackResult.NO_ANSWER, null, null)).hasMessage("该住户的回访已结束（已回访）");
		ActivityCallback done = callback(id, only.householdId());
		assertThat(done.failedAttempts()).isEqualTo(1);
		assertThat(done.satisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
		assertThat(done.calledBy()).isEqualTo("客服小李");
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsSaved() {
		long before = count();
		assertThatThrownBy(() -> activities.record(agent.user(),
				new ActivityInput(site.id(), "义诊", TODAY, List.of("1#1-1-1", "9#9-9-9", "8#8-8-8"))))
			.hasMessage("本项目没有这些房号：9#9-9-9、8#8-8-8");
		assertThatThrownBy(() -> activities.record(agent.user(), new ActivityInput(site.id(), "义诊", TODAY, List.of(" ", ""))))
			.hasMessage("请填写参加活动的住户房号，每行一个");
		assertThatThrownBy(() -> activities.record(agent.user(),
				new ActivityInput(site.id(), "义诊", TODAY.plusDays(1), rooms(3))))
			.hasMessage("活动还没有举办：活动日期不能晚于今天");
		assertThatThrownBy(() -> activities.record(agent.user(), new ActivityInput(site.id(), "  ", TODAY, rooms(3))))
			.hasMessage("请填写活动名称（最多 100 字）");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anotherSitesStaffSeeNothingOfTheActivity() {
		long id = activities.record(agent.user(), new ActivityInput(site.id(), "亲子运动会", TODAY, rooms(10)));
		Site other = places.site(0, 3);
		TestUser stranger = places.staffMember(other, Role.AGENT, "客服小赵");
		assertThatThrownBy(() -> activities.details(stranger.user(), id)).isInstanceOf(NotFoundException.class);
		assertThat(activities.activities(stranger.user(), null, 10)).isEmpty();
		assertThatThrownBy(() -> activities.record(stranger.user(), new ActivityInput(site.id(), "亲子运动会", TODAY,
				rooms(3)))).isInstanceOf(NotFoundException.class);

		HttpTestClient api = new HttpTestClient(port).withBasic(stranger.username(), stranger.password());
		assertThat(api.get("/api/v1/callbacks/activities/" + id).statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/callbacks/activities").body()).isEqualTo("[]");
	}

	@Test
	void thePagesRecordAnActivityKeepWhatWasTypedOnARefusalAndTakeOneTapPerCall() {
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());
		assertThat(page.get("/callbacks/activities").body()).contains("登记活动", "还没有登记活动");
		HttpResponse<String> refused = page.postForm("/callbacks/activities", Map.of("site", String.valueOf(site.id()),
				"name", "中秋游园会", "heldOn", TODAY.toString(), "rooms", "1#1-1-1\n7#7-7-7"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("本项目没有这些房号：7#7-7-7", "中秋游园会", "1#1-1-1\n7#7-7-7");

		HttpResponse<String> recorded = page.postForm("/callbacks/activities", Map.of("site", String.valueOf(site.id()),
				"name", "中秋游园会", "heldOn", TODAY.toString(), "rooms", String.join("\n", rooms(12))));
		assertThat(recorded.statusCode()).isEqualTo(302);
		HttpResponse<String> details = page.follow(recorded);
		assertThat(details.body()).contains("已登记活动", "中秋游园会", "参加 12 户，回访名单 2 户");
		long id = Long.parseLong(recorded.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		ActivityCallback first = activities.details(agent.user(), id).callbacks().get(0);
		HttpResponse<String> called = page.postForm("/callbacks/activities/" + id + "/callbacks/" + first.householdId(),
				Map.of("version", String.valueOf(first.version()), "outcome", "SATISFIED", "comment", "很开心"));
		assertThat(page.follow(called).body()).contains("已记录本次回访", "很开心", "满意率 100.0%");
		assertThat(page.get("/callbacks/activities").body()).contains("中秋游园会", "100.0%");
	}

	private ActivityCallback callback(long activityId, long householdId) {
		return activities.details(agent.user(), activityId).callbacks().stream()
			.filter(c -> c.householdId() == householdId)
			.findFirst()
			.orElseThrow();
	}

	private long count() {
		return jdbc.sql("select count(*) from callback.activity").query(Long.class).single();
	}

	/** The first {@code n} rooms of building 1, as SurveyMother names them. */
	private static List<String> rooms(int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> "1#1-" + (1 + (i - 1) / 10) + "-" + (1 + (i - 1) % 10)).toList();
	}
}
