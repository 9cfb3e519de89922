package io.kefu.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.SiteAndAdmin;
import io.kefu.security.CurrentUser;
import io.kefu.shared.InvalidInputException;
import io.kefu.shared.SearchQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fixed set of queries over a small corpus of one site, with the article each must find first. */
@KefuIntegrationTest
class KnowledgeSearchTests {

	static final Map<String, Long> corpus = new HashMap<>();

	static CurrentUser user;

	@Autowired
	KnowledgeManagement knowledge;

	@Autowired
	StaffMother staff;

	@BeforeEach
	void corpus() {
		if (user != null) {
			return;
		}
		SiteAndAdmin site = staff.site();
		user = site.admin().user();
		long siteId = site.site().id();
		article("卫生间漏水", List.of("漏水", "维修"), siteId, "楼上卫生间漏水导致天花板发霉，先关闭总阀，再报修。防水层破损需业主申请维修。");
		article("厨房水管爆裂", List.of("水管"), siteId, "水管爆裂属紧急维修，请立即关闭进户水阀，维修师傅三十分钟内到场。");
		article("门禁卡补办", List.of("门禁", "门禁卡"), siteId, "门禁卡丢失可到服务中心补办，工本费20元，需携带身份证。");
		article("访客进出登记", List.of("访客"), siteId, "访客进入小区须在岗亭登记，由业主确认后放行；门禁系统不对访客开放。");
		article("停车收费标准", List.of("停车", "收费"), siteId, "地面停车每月150元，地下车库每月300元，临时停车首小时免费。");
		article("车位租赁", List.of("车位"), siteId, "地下车位可向服务中心租赁，合同一年一签，停车位数量有限。");
		article("装修押金退还", List.of("装修", "押金"), siteId, "装修完工验收合格后三个月内退还装修押金，凭收据办理。");
		article("装修时间规定", List.of("装修"), siteId, "装修施工时间为工作日8:00-12:00、14:00-18:00，节假日禁止噪音施工。");
		article("电梯故障处理", List.of("电梯"), siteId, "电梯困人时请按警铃并拨打24小时值班电话，切勿强行扒门。");
		article("宠物管理规定", List.of("宠物"), siteId, "犬只须办证并拴绳出行，及时清理粪便。");
		article("WiFi 宽带报装", List.of("宽带"), siteId, "小区宽带由运营商报装，物业提供管井钥匙。WiFi信号问题请联系运营商。");
		article("3号楼供水检修通知", List.of("停水"), siteId, "3号楼因二次供水设备检修，周二9点至17点停水，请提前储水。");
		article("垃圾分类指引", List.of("垃圾"), siteId, "厨余垃圾、可回收物、有害垃圾、其他垃圾分开投放。装修垃圾须另行清运。");
	}

	private void article(String title, List<String> tags, long siteId, String body) {
		Article draft = knowledge.create(user, new ArticleInput(ArticleKind.ARTICLE, title, ArticleCategory.FAQ, tags,
				siteId, body, List.of(), null));
		corpus.put(title, knowledge.publish(user, draft.id(), draft.version()).id());
	}

	/** The corpus article found first: the default guides are in every search and may come before or after it. */
	private String first(String q) {
		return knowledge.search(user, SearchQuery.parse(q), null)
			.stream()
			.filter(h -> corpus.containsValue(h.id()))
			.map(h -> h.title().stream().map(SearchQuery.Snippet::text).reduce("", String::concat))
			.findFirst()
			.orElse("");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			漏水        | 卫生间漏水
			门禁        | 门禁卡补办
			停车        | 停车收费标准
			装修        | 装修押金退还
			押金        | 装修押金退还
			水管        | 厨房水管爆裂
			电梯        | 电梯故障处理
			宠物        | 宠物管理规定
			访客        | 访客进出登记
			车位        | 车位租赁
			停水        | 3号楼供水检修通知
			垃圾        | 垃圾分类指引
			发霉        | 卫生间漏水
			天花板发霉   | 卫生间漏水
			楼上卫生间漏水 | 卫生间漏水
			关闭总阀     | 卫生间漏水
			进户水阀     | 厨房水管爆裂
			门禁卡丢失   | 门禁卡补办
			工本费       | 门禁卡补办
			临时停车     | 停车收费标准
			地下车库     | 停车收费标准
			装修押金     | 装修押金退还
			噪音施工     | 装修时间规定
			装修垃圾     | 垃圾分类指引
			电梯困人     | 电梯故障处理
			拴绳        | 宠物管理规定
			wifi        | WiFi 宽带报装
			WIFI 运营商  | WiFi 宽带报装
			3号楼       | 3号楼供水检修通知
			二次供水     | 3号楼供水检修通知
			漏水 维修    | 卫生间漏水
			停车 合同    | 车位租赁
			"装修，押金"  | 装修押金退还
			""")
	void findsTheExpectedArticleFirst(String q, String title) {
		assertThat(first(q)).isEqualTo(title);
	}

	@Test
	void findsNothingForWordsNotInAnyArticle() {
		assertThat(first("游泳池")).isEmpty();
		assertThat(first("漏电")).isEmpty();
		assertThat(first("花板天")).as("the characters, but not next to each other").isEmpty();
	}

	@Test
	void highlightsTheMatchInTheSnippet() {
		SearchHit hit = knowledge.search(user, SearchQuery.parse("总阀"), null).get(0);
		assertThat(hit.snippet()).filteredOn(SearchQuery.Snippet::match).extracting(SearchQuery.Snippet::text).containsExactly("总阀");
	}

	@Test
	void refusesSpacesAndPunctuationAndOverlongInput() {
		assertThatThrownBy(() -> SearchQuery.parse("   ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("只有空格或标点");
		assertThatThrownBy(() -> SearchQuery.parse("，。！？ ,.")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> SearchQuery.parse("漏".repeat(1001))).isInstanceOf(InvalidInputException.class).hasMessageContaining("1000");
	}

	@Test
	void suggestsArticlesForATextBeingTyped() {
		List<SearchHit> suggested = knowledge.suggest(user, "业主来电说楼上卫生间漏水，天花板都发霉了", 5);
		assertThat(suggested).extracting(SearchHit::id).first().isEqualTo(corpus.get("卫生间漏水"));
	}
}
