package cn.jianfu.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.jianfu.catalogue.internal.MatchIndex.Decision;

class MatchIndexTests {

	static MatchIndex index(String... names) {
		List<MatchIndex.Entry> entries = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			entries.add(new MatchIndex.Entry("T-" + i, names[i], null));
		}
		return new MatchIndex(entries);
	}

	@Test
	void slotsOfRealStyleNames() {
		NameSlots slots = NameSlots.parse("本年累计城镇居民人均可支配收入同比增长率（%）", null);
		assertThat(slots.area()).isEqualTo("城镇");
		assertThat(slots.time()).containsExactlyInAnyOrder("累计", "同比");
		assertThat(slots.statistic()).isEqualTo("增速");
		assertThat(slots.unit()).isEqualTo("%");
		assertThat(slots.subject()).isEqualTo("居民人均可支配收入");
		NameSlots people = NameSlots.parse("户籍人口总数（人）", null);
		assertThat(people.registration()).isEqualTo("户籍");
		assertThat(people.statistic()).isEqualTo("数");
		assertThat(people.effectiveStatistic()).isEqualTo("人数");
		assertThat(people.subject()).isEqualTo("人口");
	}

	@Test
	void aParaphraseMatchesWhereBigramsWouldRankTheWrongSiblingFirst() {
		MatchIndex index = index("户籍人口数", "常住人口数", "城镇居民人均可支配收入");
		MatchIndex.Result total = index.match("户籍人口总数");
		assertThat(total.decision()).isEqualTo(Decision.MATCH);
		assertThat(total.best().code()).isEqualTo("T-0");
		assertThat(total.best().reason()).contains("各槽位一致");
		MatchIndex.Result rural = index.match("农村居民人均可支配收入");
		assertThat(rural.decision()).isEqualTo(Decision.NEW);
		assertThat(rural.best().code()).isEqualTo("T-2");
		assertThat(rural.best().reason()).contains("城乡不同：农村≠城镇");
		assertThat(rural.best().reasonEn()).contains("area differs");
	}

	@Test
	void aDifferingSlotIsADifferentConcept() {
		MatchIndex index = index("低保户数", "本月临时救助金额", "地区生产总值", "常住人口数");
		assertThat(index.match("低保人数").decision()).isEqualTo(Decision.NEW);
		assertThat(index.match("累计临时救助金额").decision()).isEqualTo(Decision.NEW);
		assertThat(index.match("地区生产总值同比增速").decision()).isEqualTo(Decision.NEW);
		assertThat(index.match("户籍人口数").decision()).isEqualTo(Decision.NEW);
		assertThat(index.match("当月临时救助资金（万元）").decision()).isEqualTo(Decision.MATCH);
		assertThat(index.match("最低生活保障总户数（户）").decision()).isEqualTo(Decision.MATCH);
		assertThat(index.match("低保户数（人）").decision()).as("户 vs 人 in the name").isEqualTo(Decision.ASK);
	}

	@Test
	void unsureNamesAskAPerson() {
		MatchIndex index = index("户籍人口数", "农村低保户数");
		assertThat(index.match("人口数").decision()).as("registration on one side only").isEqualTo(Decision.ASK);
		assertThat(index.match("网格员人数").decision()).isEqualTo(Decision.NEW);
	}

	@Test
	void everyDemoIndicatorMatchesItselfWhateverTheNoise() throws IOException {
		List<Indicator> demo = CatalogueDemoData.load();
		MatchIndex index = new MatchIndex(
				demo.stream().map(i -> new MatchIndex.Entry(i.code(), i.name(), i.unitOfMeasure())).toList());
		Random random = new Random(20261126);
		String[] noise = { " ", "　", "本村", "辖区" };
		for (Indicator indicator : demo) {
			String name = random.nextBoolean() ? indicator.name()
					: noise[random.nextInt(noise.length)] + indicator.name();
			MatchIndex.Result result = index.match(name);
			assertThat(result.decision()).as(name).isEqualTo(Decision.MATCH);
			assertThat(result.best().code()).as(name).isEqualTo(indicator.code());
		}
	}

	@Test
	void theBitwiseTimeComparisonAgreesWithTheSetComparisonForEveryPair() {
		List<String> times = NameSlots.TIMES;
		for (int a = 0; a < 1 << times.size(); a++) {
			for (int b = 0; b < 1 << times.size(); b++) {
				java.util.Set<String> left = new java.util.TreeSet<>();
				java.util.Set<String> right = new java.util.TreeSet<>();
				for (int i = 0; i < times.size(); i++) {
					if ((a & 1 << i) != 0) {
						left.add(times.get(i));
					}
					if ((b & 1 << i) != 0) {
						right.add(times.get(i));
					}
				}
				assertThat(MatchIndex.timeMask(left)).isEqualTo(a);
				assertThat(MatchIndex.timeCounts(a, b)).as(left + " vs " + right)
					.containsExactly(MatchIndex.time(left, right, MatchIndex.Reasons.NONE));
			}
		}
	}

	@Test
	void gramIdsGrowAndFindEveryGram() {
		MatchIndex.GramIds ids = new MatchIndex.GramIds(4);
		for (int gram = 0; gram < 10_000; gram++) {
			assertThat(ids.idOrAdd(gram * 65_537)).isEqualTo(gram);
		}
		assertThat(ids.size()).isEqualTo(10_000);
		for (int gram = 0; gram < 10_000; gram++) {
			assertThat(ids.id(gram * 65_537)).isEqualTo(gram);
			assertThat(ids.idOrAdd(gram * 65_537)).isEqualTo(gram);
		}
		assertThat(ids.id(-7)).isEqualTo(-1);
		assertThat(MatchIndex.uniqueGrams("人口人口")).hasSize(2);
		assertThat(MatchIndex.twoDecimals(0.875)).isEqualTo("0.88");
		assertThat(MatchIndex.twoDecimals(0.05)).isEqualTo("0.05");
		assertThat(MatchIndex.twoDecimals(1.0)).isEqualTo("1.00");
	}

	@Test
	void matchingABatchGivesWhatMatchingEachNameAloneGives() throws IOException {
		List<Indicator> demo = CatalogueDemoData.load();
		MatchIndex index = new MatchIndex(MatchingBench.synthetic(demo, 5_000));
		List<String> names = MatchingBench.labels(new java.util.HashSet<>()).stream().map(l -> l.query()).toList();
		List<MatchIndex.Result> batch = index.match(names);
		for (int i = 0; i < names.size(); i++) {
			assertThat(batch.get(i)).as(names.get(i)).isEqualTo(index.match(names.get(i)));
		}
	}

}
