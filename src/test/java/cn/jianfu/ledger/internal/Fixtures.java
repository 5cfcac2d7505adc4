package cn.jianfu.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleDefinition;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/** Named fixtures for ledger tests: demo units, demands and the default rulebook. */
final class Fixtures {

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	private Fixtures() {
	}

	static Unit tongliangDistrict() {
		return new Unit(TONGLIANG, "铜梁区", UnitLevel.COUNTY, "500100000000", "/500000000000/500100000000/500151000000/",
				null, null);
	}

	static Unit bachuanStreet() {
		return new Unit(BACHUAN, "巴川街道", UnitLevel.TOWNSHIP, TONGLIANG,
				"/500000000000/500100000000/500151000000/500151001000/", null, null);
	}

	static Unit dongfangCommunity() {
		return new Unit(DONGFANG, "东方社区", UnitLevel.VILLAGE, BACHUAN,
				"/500000000000/500100000000/500151000000/500151001000/500151001001/", null, null);
	}

	/** The rulebook defaults, with some values replaced. */
	static RuleValues rules(String... overrides) {
		Map<String, RuleValues.Value> values = new HashMap<>();
		try (InputStream in = new ClassPathResource("rulebook/defaults.tsv").getInputStream()) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("key\t")) {
					continue;
				}
				String[] c = line.split("\t", -1);
				RuleDefinition d = new RuleDefinition(c[0], RuleDefinition.Type.valueOf(c[1].toUpperCase()), c[2],
						c[3].isBlank() ? null : new BigDecimal(c[3]), c[4].isBlank() ? null : new BigDecimal(c[4]),
						c[5], new RuleRef(c[6], c[7]), c[8], c[9]);
				values.put(d.key(), new RuleValues.Value(d, d.defaultValue(), null));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		for (int i = 0; i < overrides.length; i += 2) {
			RuleValues.Value old = values.get(overrides[i]);
			values.put(overrides[i], new RuleValues.Value(old.definition(), overrides[i + 1], TONGLIANG));
		}
		return new RuleValues(TONGLIANG, values);
	}

	static DemandSnapshot demand(long id, DemandKind kind, String body, Map<String, String> details,
			List<String> recipients, LocalDate due) {
		return new DemandSnapshot(id, kind, "关于开展" + kind + "工作的通知 " + id, body, "民政", "《村民委员会组织法》第八条", TONGLIANG, null,
				"issuer", recipients, due, null, null, false, false, false, false, null, details);
	}

	static DemandSnapshot demand(DemandKind kind, Map<String, String> details) {
		return demand(1, kind, "正文", details, List.of(BACHUAN), LocalDate.of(2026, 12, 10));
	}

}
