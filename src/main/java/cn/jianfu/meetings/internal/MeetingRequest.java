package cn.jianfu.meetings.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an issuer sends to create or edit a meeting demand, from the form or the API.
 * Every value may be missing; {@link MeetingDesk} validates them all at once.
 *
 * @param body the notice text recipients read (purpose, requirements); may be empty
 * @param planEntryId the annual plan entry the meeting implements; null if not in the
 * plan
 * @param discussionMinutes time set aside for group discussion, within start and end
 * @param principals principal leaders each recipient unit sends
 * @param deputies deputy leaders each recipient unit sends
 * @param staff other staff each recipient unit sends
 * @param parentDemandId the gate demand of the meeting this one relays, if in Jianfu
 * @param parentTitle the name of the meeting this one relays, when it is not in Jianfu
 * @param requiresRelay the meeting requires recipients to hold relaying meetings
 */
public record MeetingRequest(@Nullable String title, @Nullable String body, @Nullable MeetingMode mode,
		@Nullable String field, @Nullable Boolean comprehensive, @Nullable Long planEntryId,
		@Nullable List<AgendaItem> agenda, @Nullable LocalDateTime start, @Nullable LocalDateTime end,
		@Nullable Integer discussionMinutes, @Nullable Integer principals, @Nullable Integer deputies,
		@Nullable Integer staff, @Nullable String venue, @Nullable Long parentDemandId, @Nullable String parentTitle,
		@Nullable Boolean requiresRelay, @Nullable Convener convener, @Nullable List<String> recipientUnitCodes,
		@Nullable String legalBasis) {

	/**
	 * One agenda item.
	 *
	 * @param mainSpeech the principal leader's main speech (主要讲话), which has its own cap
	 */
	public record AgendaItem(@Nullable String topic, @Nullable String speaker, @Nullable Integer minutes,
			@Nullable Boolean mainSpeech) {
	}

}
