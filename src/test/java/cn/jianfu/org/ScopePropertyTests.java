package cn.jianfu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jianfu.DatabaseTest;
import cn.jianfu.org.internal.UnitImport;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * RELIABILITY row 2: over random organisation trees and random viewers, every scoped read
 * returns exactly the viewer's subtree. Each try imports a new random county (townships
 * and villages) under a test province, picks a random viewer in it, and checks the reads
 * against a model that knows only the generated parent links. The seed is in every
 * failure message; {@code -Djianfu.scope.seed=N} replays it.
 */
@DatabaseTest
class ScopePropertyTests {

	static final int TRIES = 1000;

	static final Scope PROVINCE = new Scope("990000000000", "/990000000000/");

	@Autowired
	UnitImport unitImport;

	@Autowired
	OrgChart orgChart;

	@Test
	void everyScopedReadReturnsOnlyTheViewersSubtree() {
		long seed = Long.getLong("jianfu.scope.seed", System.nanoTime());
		Random random = new Random(seed);
		StringBuilder cities = new StringBuilder("code,name,level,parent_code\n990000000000,测试省,1,\n");
		for (int city = 1; city <= TRIES / 99 + 1; city++) {
			cities.append("99%02d00000000,市%d,2,990000000000\n".formatted(city, city));
		}
		assertThat(
				this.unitImport.importCsv(new StringReader(cities.toString()), "cities.csv", null, false, "test").ok())
			.isTrue();
		int violations = 0;
		for (int attempt = 0; attempt < TRIES; attempt++) {
			Map<String, String> parents = randomCounty(random, attempt);
			List<String> codes = new ArrayList<>(parents.keySet());
			String viewer = codes.get(random.nextInt(codes.size()));
			Set<String> expected = codes.stream().filter(c -> descends(c, viewer, parents)).collect(Collectors.toSet());
			Scope scope = new Scope(viewer, this.orgChart.require(PROVINCE, viewer).path());
			String context = "seed " + seed + ", try " + attempt + ", viewer " + viewer;

			Set<String> visible = codes.stream()
				.filter(c -> this.orgChart.unit(scope, c).isPresent())
				.collect(Collectors.toSet());
			Set<String> searched = this.orgChart.search(scope, null, "", new Page.Request(0, Page.MAX_SIZE))
				.items()
				.stream()
				.map(Unit::code)
				.collect(Collectors.toSet());
			long counted = this.orgChart.countByLevel(scope).values().stream().mapToLong(Long::longValue).sum();
			assertThat(visible).as(context).isEqualTo(expected);
			assertThat(searched).as(context).isEqualTo(expected);
			assertThat(counted).as(context).isEqualTo(expected.size());

			String other = codes.get(random.nextInt(codes.size()));
			if (expected.contains(other)) {
				Set<String> children = this.orgChart.children(scope, other, new Page.Request(0, Page.MAX_SIZE))
					.items()
					.stream()
					.map(Unit::code)
					.collect(Collectors.toSet());
				Set<String> expectedChildren = codes.stream()
					.filter(c -> other.equals(parents.get(c)))
					.collect(Collectors.toSet());
				assertThat(children).as(context).isEqualTo(expectedChildren);
			}
			else {
				assertThatExceptionOfType(Problem.class).as(context)
					.isThrownBy(() -> this.orgChart.children(scope, other, new Page.Request(0, 10)));
				assertThatExceptionOfType(Problem.class).as(context)
					.isThrownBy(() -> this.orgChart.departments(scope, other));
				assertThatExceptionOfType(Problem.class).as(context)
					.isThrownBy(() -> this.orgChart.trail(scope, other));
			}
			violations += visible.equals(expected) ? 0 : 1;
		}
		assertThat(violations).isZero();
	}

	private static boolean descends(String code, String ancestor, Map<String, String> parents) {
		for (String c = code; c != null; c = parents.get(c)) {
			if (c.equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Imports a county with 1–6 townships of 0–5 villages each and returns its units with
	 * their parents (the county's own parent, outside the model, maps to null).
	 */
	private Map<String, String> randomCounty(Random random, int attempt) {
		String prefix = "99%02d%02d".formatted(attempt / 99 + 1, attempt % 99 + 1);
		String county = prefix + "000000";
		Map<String, String> parents = new LinkedHashMap<>();
		parents.put(county, null);
		StringBuilder csv = new StringBuilder("code,name,level,parent_code\n");
		csv.append(county).append(",县").append(attempt).append(",3,").append(prefix, 0, 4).append("00000000\n");
		int townships = 1 + random.nextInt(6);
		for (int t = 1; t <= townships; t++) {
			String township = prefix + "%03d000".formatted(1 + random.nextInt(999));
			if (parents.containsKey(township)) {
				continue;
			}
			parents.put(township, county);
			csv.append(township).append(",镇").append(t).append(",4,").append(county).append('\n');
			int villages = random.nextInt(6);
			for (int v = 0; v < villages; v++) {
				String village = township.substring(0, 9) + "%03d".formatted(1 + random.nextInt(999));
				if (parents.putIfAbsent(village, township) == null) {
					csv.append(village).append(",村").append(v).append(",5,").append(township).append('\n');
				}
			}
		}
		ImportSummary summary = this.unitImport.importCsv(new StringReader(csv.toString()), "county.csv", null, false,
				"test");
		assertThat(summary.errors()).as(csv.toString()).isEmpty();
		return parents;
	}

}
