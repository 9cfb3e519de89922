package io.kefu.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import io.kefu.HttpTestClient;
import io.kefu.KefuIntegrationTest;
import io.kefu.StaffMother;
import io.kefu.StaffMother.TestUser;
import io.kefu.script.ForbiddenPhrase;
import io.kefu.script.ForbiddenPhraseCheck;
import io.kefu.script.ForbiddenPhraseManagement;
import io.kefu.script.PhraseManagement;
import io.kefu.security.Role;
import io.kefu.shared.SearchQuery;
import io.kefu.shared.SearchTerms;
import io.kefu.shared.SearchTerms.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese search over 10,000 published articles and 2,000 phrases, and the
 * forbidden-phrase check of a 2,000-character reply, each beside its baseline: the bare
 * SQL of the search, a plain {@code String.contains} loop over the forbidden list. Run with
 * {@code mvn -q test -Dtest=KnowledgeBenchmarkTests -Dkefu.benchmark=true}.
 */
@KefuIntegrationTest
@EnabledIfSystemProperty(named = "kefu.benchmark", matches = "true")
class KnowledgeBenchmarkTests {

	static final int ARTICLES = 10_000;

	static final int PHRASES = 2_000;

	static final int RUNS = 400;

	static final String ARTICLE_SQL = """
			select id from knowledge.article where state = 'PUBLISHED' and search @@ cast(? as tsquery)
			  and (site_id is null or site_id = any(?)) order by ts_rank(search, cast(? as tsquery), 1) desc, id limit 20""";

	static final String PHRASE_SQL = """
			select id from script.phrase where search @@ cast(? as tsquery) and (site_id is null or site_id = any(?))
			order by ts_rank(search, cast(? as tsquery), 1) desc, id limit 20""";

	static final String[] QUERIES = { "漏水", "门禁", "停车", "装修", "电梯", "物业费", "钥匙", "噪音", "天花板发霉",
			"装修押金", "地下车库", "临时停车", "门禁卡", "卫生间漏水", "漏水 维修", "停车 收费", "装修 申请", "垃圾清运",
			"水管爆裂", "访客登记", "请稍候", "工单号", "感谢您的来电", "wifi" };

	static final String[] SENTENCES = { "楼上卫生间漏水导致天花板发霉", "请先关闭进户总阀再报修", "门禁卡丢失可到服务中心补办",
			"访客进入小区须在岗亭登记", "地面停车每月收费一百五十元", "地下车库临时停车首小时免费", "装修前须提交装修申请",
			"装修押金在验收合格后退还", "装修施工不得在节假日产生噪音", "电梯困人请按警铃等待救援", "物业费可在线上缴纳",
			"钥匙托管须本人签字领取", "装修垃圾须另行清运", "厨房水管爆裂属于紧急维修", "小区wifi由运营商报装",
			"宠物出行须拴绳", "外墙渗水在雨后回访", "水电表底数在入住时登记", "消防通道禁止停放车辆", "公共区域照明损坏请报修" };

	/** What most of an article says around its topic: none of the words searched for. */
	static final String[] FILLER = { "请以服务中心最新通知为准", "如有疑问请致电客服中心", "本规定自发布之日起执行",
			"感谢各位业主的理解与支持", "办理时间为工作日上午九点至下午五点", "具体以现场核实为准", "本条目由客服主管审核",
			"相关费用按物价部门核定的标准执行", "业主可通过服务热线预约", "特殊情况请提前与管家沟通", "请妥善保管好相关凭证",
			"节假日值班安排另行通知" };

	static final String[] PHRASE_SENTENCES = { "请您稍候，我马上为您查询", "您的工单号是", "感谢您的来电，再见",
			"非常抱歉给您带来不便", "我们安排师傅上门维修", "请问您明天上午方便吗", "您反映的漏水问题我们已经记录",
			"停车费可以在服务中心缴纳", "门禁卡补办需要身份证", "装修申请请带齐材料" };

	@LocalServerPort
	int port;

	@Autowired
	StaffMother staff;

	@Autowired
	KnowledgeManagement knowledge;

	@Autowired
	PhraseManagement phrases;

	@Autowired
	ForbiddenPhraseManagement forbidden;

	@Autowired
	JdbcClient jdbc;

	@Test
	void searchAndCheckStayWithinTheirTargets() {
		long started = System.nanoTime();
		generate();
		System.out.printf("generated %,d articles and %,d phrases in %.1f s%n", ARTICLES, PHRASES,
				(System.nanoTime() - started) / 1e9);
		// as autovacuum would: moves the GIN indexes' pending lists of a bulk insert into the indexes
		jdbc.sql("vacuum analyze knowledge.article").update();
		jdbc.sql("vacuum analyze script.phrase").update();
		TestUser agent = staff.user(EnumSet.of(Role.AGENT), List.of());
		HttpTestClient page = new HttpTestClient(port);
		page.signIn(agent.username(), agent.password());
		Random random = new Random(7);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			queries.add(QUERIES[random.nextInt(QUERIES.length)]);
		}

		double[] articlesPage = time(queries, q -> assertThat(
				page.getFragment("/knowledge?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200));
		double[] phrasesPage = time(queries, q -> assertThat(
				page.getFragment("/phrases/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200));
		double[] service = time(queries, q -> {
			knowledge.search(agent.user(), SearchQuery.parse(q), null);
			phrases.search(agent.user(), SearchQuery.parse(q));
		});
		double[] bare = time(queries, q -> {
			String tsquery = SearchQuery.parse(q).allWords();
			jdbc.sql(ARTICLE_SQL).params(tsquery, agent.user().sites(), tsquery).query(Long.class).list();
			jdbc.sql(PHRASE_SQL).params(tsquery, agent.user().sites(), tsquery).query(Long.class).list();
		});
		System.out.println("| search (articles and phrases) | p50 / p95 (ms) |");
		System.out.println("|---|---|");
		System.out.printf("| articles and guides: the search page's htmx fragment over HTTP | %.2f / %.2f |%n", articlesPage[0], articlesPage[1]);
		System.out.printf("| phrases: the fragment the search page loads beside it, over HTTP | %.2f / %.2f |%n", phrasesPage[0], phrasesPage[1]);
		System.out.printf("| KnowledgeManagement.search + PhraseManagement.search | %.2f / %.2f |%n", service[0], service[1]);
		System.out.printf("| bare SQL, both queries | %.2f / %.2f |%n", bare[0], bare[1]);
		record Plan(String sql, String q, String index) {
		}
		// 2,000 phrases fill about 70 pages: for a word in one phrase of ten the planner may rightly scan them
		for (Plan plan : List.of(new Plan(ARTICLE_SQL, "漏水", "article_search"),
				new Plan(ARTICLE_SQL, "天花板发霉", "article_search"), new Plan(ARTICLE_SQL, "停车 收费", "article_search"),
				new Plan(PHRASE_SQL, "天花板发霉", "phrase_search"), new Plan(PHRASE_SQL, "停车 收费", "phrase_search"))) {
			String tsquery = SearchQuery.parse(plan.q()).allWords();
			String explained = String.join("\n", jdbc.sql("explain analyze " + plan.sql())
				.params(tsquery, agent.user().sites(), tsquery)
				.query(String.class)
				.list());
			System.out.println("EXPLAIN " + plan.q() + "\n" + explained);
			assertThat(explained).contains("Bitmap Index Scan on " + plan.index());
		}

		String reply = reply(random);
		List<ForbiddenPhrase> list = forbidden.list();
		ForbiddenPhraseCheck check = new ForbiddenPhraseCheck(list);
		List<String> replies = new ArrayList<>();
		for (int i = 0; i < RUNS * 5; i++) {
			replies.add(reply);
		}
		double[] pure = time(replies, check::check);
		double[] managed = time(replies, forbidden::check);
		double[] contains = time(replies, r -> list.stream().filter(f -> r.contains(f.phrase())).count());
		System.out.println("| check of a 2,000-character reply | p50 / p95 (ms) |");
		System.out.println("|---|---|");
		System.out.printf("| ForbiddenPhraseCheck.check | %.3f / %.3f |%n", pure[0], pure[1]);
		System.out.printf("| ForbiddenPhraseManagement.check (reads the list) | %.3f / %.3f |%n", managed[0], managed[1]);
		System.out.printf("| String.contains loop | %.3f / %.3f |%n", contains[0], contains[1]);

		assertThat(service[1]).as("search p95, both searches").isLessThan(50);
		assertThat(articlesPage[1]).as("article search p95 over HTTP").isLessThan(50);
		assertThat(phrasesPage[1]).as("phrase search p95 over HTTP").isLessThan(50);
		assertThat(managed[1]).as("check p95").isLessThan(5);
	}

	/** About 2,000 characters of an ordinary reply with one forbidden phrase in its middle. */
	private static String reply(Random random) {
		StringBuilder reply = new StringBuilder();
		while (reply.length() < 1_000) {
			reply.append(SENTENCES[random.nextInt(SENTENCES.length)]).append("，不好意思让您久等了。");
		}
		reply.append("这个我不知道。");
		while (reply.length() < 2_000) {
			reply.append(SENTENCES[random.nextInt(SENTENCES.length)]).append("，不客气。");
		}
		return reply.substring(0, 2_000);
	}

	private void generate() {
		Random random = new Random(11);
		for (int batch = 0; batch < ARTICLES / 1_000; batch++) {
			List<String> titles = new ArrayList<>();
			List<String> bodies = new ArrayList<>();
			List<String> vectors = new ArrayList<>();
			for (int i = 0; i < 1_000; i++) {
				String topic = SENTENCES[random.nextInt(SENTENCES.length)];
				String title = topic.substring(0, 6) + "问答" + (batch * 1_000 + i);
				StringBuilder body = new StringBuilder(topic).append("。");
				for (int s = 0; s < 6; s++) {
					body.append(FILLER[random.nextInt(FILLER.length)]).append("。");
				}
				titles.add(title);
				bodies.add(body.toString());
				vectors.add(SearchTerms.vector(Field.a(title), Field.b(body.toString())));
			}
			jdbc.sql("""
					insert into knowledge.article (kind, title, category, state, body, search)
					select 'ARTICLE', t, 'FAQ', 'PUBLISHED', b, cast(v as tsvector)
					from unnest(cast(:titles as text[]), cast(:bodies as text[]), cast(:vectors as text[])) as x(t, b, v)""")
				.param("titles", titles.toArray(String[]::new))
				.param("bodies", bodies.toArray(String[]::new))
				.param("vectors", vectors.toArray(String[]::new))
				.update();
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < PHRASES; i++) {
			texts.add(PHRASE_SENTENCES[random.nextInt(PHRASE_SENTENCES.length)] + "（" + i + "）");
		}
		jdbc.sql("""
				insert into script.phrase (scene, position, text, search)
				select 'WAITING', 100, t, cast(v as tsvector)
				from unnest(cast(:texts as text[]), cast(:vectors as text[])) as x(t, v)""")
			.param("texts", texts.toArray(String[]::new))
			.param("vectors", texts.stream().map(t -> SearchTerms.vector(Field.a(t))).toArray(String[]::new))
			.update();
	}

	private static <T> double[] time(List<T> inputs, Consumer<T> work) {
		inputs.subList(0, 100).forEach(work);
		double[] millis = new double[inputs.size()];
		for (int i = 0; i < inputs.size(); i++) {
			long start = System.nanoTime();
			work.accept(inputs.get(i));
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[millis.length / 2], millis[(int) (millis.length * 0.95)] };
	}
}
