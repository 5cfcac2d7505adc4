package cn.jianfu.ledger;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A grassroots unit reported a demand that reached it without a gate number (through a
 * work group, a phone call, a paper note …), for matching against registered demands or
 * flagging as evasion.
 *
 * @param channel one of {@code WORK_GROUP}, {@code PHONE}, {@code PAPER_NOTE},
 * {@code OTHER}
 * @param attachmentId the generated id of the stored attachment, if one was given
 */
public record UngatedDemandReported(long reportId, String unitCode, String channel, String issuer, LocalDate receivedOn,
		String text, @Nullable String attachmentId, String account, Instant reportedAt) {
}
