package cn.jianfu.ledger.internal;

import static cn.jianfu.ledger.internal.Fixtures.bachuanStreet;
import static cn.jianfu.ledger.internal.Fixtures.demand;
import static cn.jianfu.ledger.internal.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.ledger.BurdenEstimator;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;

class BurdenModelTests {

	@Test
	void contributedEstimatorWinsForItsKindAndTheDefaultServesTheRest() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(MeetingsEstimator.class);
			context.registerBean(BurdenModel.class);
			context.refresh();
			BurdenModel model = context.getBean(BurdenModel.class);
			assertThat(model.estimate(demand(DemandKind.MEETING, Map.of()), bachuanStreet(), rules()).explanationEn())
				.isEqualTo("from the meetings module");
			assertThat(model.estimate(demand(DemandKind.CAMPAIGN, Map.of()), bachuanStreet(), rules()).hours())
				.isEqualByComparingTo("16");
		}
	}

	static class MeetingsEstimator implements BurdenEstimator {

		@Override
		public boolean supports(DemandKind kind) {
			return kind == DemandKind.MEETING;
		}

		@Override
		public Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules) {
			return new Estimate(BigDecimal.ONE, "来自会议模块", "from the meetings module");
		}

	}

}
