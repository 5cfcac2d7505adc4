package cn.jianfu.feedback.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of the anonymous channel: one closed report in 铜梁区 whose receipt code is
 * published with the demo accounts ({@value #CODE}), so that the follow-up page can be
 * tried. Loaded only with {@code jianfu.demo}, after the demo organisation, and only when
 * no report exists.
 */
@Component
@ConditionalOnBooleanProperty(name = "jianfu.demo", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FeedbackDemo implements ApplicationRunner {

	/** The demo report's receipt code; public, like the demo passwords. */
	static final String CODE = "2026112600000001";

	private static final Logger log = LoggerFactory.getLogger(FeedbackDemo.class);

	private final Reports reports;

	private final ReportDesk desk;

	private final TransactionTemplate transactions;

	FeedbackDemo(Reports reports, ReportDesk desk, TransactionTemplate transactions) {
		this.reports = reports;
		this.desk = desk;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult(status -> {
			if (this.reports.count() > 0) {
				return;
			}
			var today = this.desk.today();
			String path = this.desk.places()
				.stream()
				.filter(u -> u.code().equals("500151000000"))
				.findFirst()
				.map(cn.jianfu.org.Unit::path)
				.orElse(this.desk.everywhere().path());
			long id = this.reports.insert(Category.DATA, "演示：同一份低保台账数据，三个部门各要一次，格式不同。", "500151000000", path, today,
					Receipts.hash(CODE));
			this.reports.note(id, "REPLY", "演示：已核实，已要求三个部门共用一份台账。", "supervisor", today);
			this.reports.close(id, Outcome.RESOLVED, "演示：已整改，数据只报一次。", today);
			log.info("Demo report loaded; receipt code {}", Receipts.grouped(CODE));
		});
	}

}
