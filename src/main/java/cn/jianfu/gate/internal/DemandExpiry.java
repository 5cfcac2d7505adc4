package cn.jianfu.gate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;

/**
 * Expires every issued demand past its sunset ({@code expiresOn} before today in China
 * Standard Time) once a day, each demand in its own transaction with its audit row and
 * {@link cn.jianfu.gate.DemandExpired} event; running it again the same day changes
 * nothing.
 */
@Component
public class DemandExpiry {

	/** The audit type of a demand that expired. */
	static final String AUDIT_TYPE = "demand.expired";

	private static final Logger log = LoggerFactory.getLogger(DemandExpiry.class);

	private final Demands demands;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemandExpiry(Demands demands, AuditLog audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.demands = demands;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Expires the demands due today and returns how many it expired; a demand that fails
	 * is logged and left for the next run.
	 */
	@Scheduled(cron = "${jianfu.gate.expiry-cron:0 0 1 * * *}", zone = "Asia/Shanghai")
	public int expireDue() {
		Instant now = this.clock.instant();
		LocalDate today = now.atZone(Demands.CHINA).toLocalDate();
		int expired = 0;
		for (long id : this.demands.dueToExpire(today)) {
			try {
				Boolean done = this.transactions.execute(status -> expire(new DemandId(id), today, now));
				if (Boolean.TRUE.equals(done)) {
					expired++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Demand {} could not be expired; the next run tries again", id, ex);
			}
		}
		if (expired > 0) {
			log.info("Expired {} demands past their sunset on {}", expired, today);
		}
		return expired;
	}

	private boolean expire(DemandId id, LocalDate today, Instant now) {
		Demand demand = this.demands.find(id).orElse(null);
		if (demand == null || !demand.expiresBefore(today)) {
			return false;
		}
		demand.expire(today, now);
		this.demands.update(demand);
		this.audit.record(new AuditEvent(AuditTypes.SYSTEM, AUDIT_TYPE, AuditResult.SUCCESS, "demand:" + id,
				demand.status() + "; expiresOn=" + demand.content().expiresOn()));
		demand.takeEvents().forEach(this.events::publishEvent);
		return true;
	}

}
