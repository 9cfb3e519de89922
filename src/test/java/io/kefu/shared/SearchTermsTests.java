package io.kefu.shared;

import java.util.List;

import io.kefu.shared.SearchQuery.Snippet;
import io.kefu.shared.SearchTerms.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTests {

	@Test
	void cutsHanRunsIntoBigramsAndKeepsWordsWhole() {
		assertThat(SearchTerms.of("楼上漏水！3号楼 WiFi 水")).containsExactly("楼上", "上漏", "漏水", "3", "号楼", "wifi", "水");
	}

	@Test
	void writesAVectorWithPositionsAndWeightsAndAGapBetweenFields() {
		assertThat(SearchTerms.vector(Field.a("漏水"), Field.b("门禁卡"))).isEqualTo("'漏水':1A '门禁':4B '禁卡':5B");
	}

	@Test
	void findsEveryWordAsAPhraseAndALoneCharacterAsAPrefix() {
		assertThat(SearchQuery.parse("  天花板发霉  3号楼 水 ").allWords())
			.isEqualTo("('天花' <-> '花板' <-> '板发' <-> '发霉') & ('3' <-> '号楼') & ('水':*)");
		assertThat(SearchQuery.parse("漏水漏水 门禁").anyTerm()).isEqualTo("'漏水' | '水漏' | '门禁'");
	}

	@Test
	void highlightsEveryMatchInASnippetAroundTheFirst() {
		String text = "说明。".repeat(30) + "卫生间漏水，请关闭总阀；漏水处理完毕后回访。" + "结束。".repeat(40);
		List<Snippet> snippet = SearchQuery.parse("漏水").snippet(text);
		assertThat(snippet.get(0).text()).isEqualTo("…");
		assertThat(snippet.get(snippet.size() - 1).text()).isEqualTo("…");
		assertThat(snippet).filteredOn(Snippet::match).extracting(Snippet::text).containsExactly("漏水", "漏水");
		assertThat(SearchQuery.parse("WIFI").snippet("小区WiFi信号")).containsExactly(new Snippet("小区", false),
				new Snippet("WiFi", true), new Snippet("信号", false));
	}
}
