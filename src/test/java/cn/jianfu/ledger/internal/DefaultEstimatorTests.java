package cn.jianfu.ledger.internal;

import static cn.jianfu.ledger.internal.Fixtures.bachuanStreet;
import static cn.jianfu.ledger.internal.Fixtures.demand;
import static cn.jianfu.ledger.internal.Fixtures.dongfangCommunity;
import static cn.jianfu.ledger.internal.Fixtures.rules;
import static cn.jianfu.ledger.internal.Fixtures.tongliangDistrict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.ledger.Estimate;

class DefaultEstimatorTests {

	final DefaultEstimator estimator = new DefaultEstimator();

	@Test
	void documentCostsReadingTimePerThousandCharactersForEachReader() {
		DemandSnapshot document = demand(1, DemandKind.DOCUMENT, "字".repeat(3000), Map.of(), List.of(),
				LocalDate.of(2026, 12, 1));
		Estimate estimate = this.estimator.estimate(document, bachuanStreet(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("0.50");
		assertThat(estimate.explanationZh()).isEqualTo("0.5 h = 3000 字 ÷ 1000 × 5 分钟 × 2 人 + 落实 0 h");
		assertThat(estimate.explanationEn())
			.isEqualTo("0.5 h = 3000 characters ÷ 1000 × 5 min × 2 staff + 0 h of follow-up");
	}

	@Test
	void directiveDocumentAddsActionHoursFromTheRulebook() {
		DemandSnapshot document = demand(1, DemandKind.DOCUMENT, "字".repeat(1200), Map.of("document.directive", "true"),
				List.of(), LocalDate.of(2026, 12, 1));
		Estimate estimate = this.estimator.estimate(document, bachuanStreet(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("4.20");
		assertThat(estimate.explanationZh()).endsWith("+ 落实 4 h");
	}

	@Test
	void inPersonMeetingAddsTravelByTheRecipientsLevel() {
		DemandSnapshot meeting = demand(DemandKind.MEETING, Map.of("meeting.minutes", "90", "meeting.attendees", "2"));
		Estimate township = this.estimator.estimate(meeting, bachuanStreet(), rules());
		assertThat(township.hours()).isEqualByComparingTo("6.00");
		assertThat(township.explanationZh()).isEqualTo("6 h = (90 分钟会议 + 90 分钟路程) × 2 人");
		Estimate village = this.estimator.estimate(meeting, dongfangCommunity(), rules());
		assertThat(village.hours()).isEqualByComparingTo("7.00");
		Estimate county = this.estimator.estimate(meeting, tongliangDistrict(), rules());
		assertThat(county.hours()).isEqualByComparingTo("5.00");
	}

	@Test
	void videoMeetingHasNoTravel() {
		DemandSnapshot meeting = demand(DemandKind.MEETING,
				Map.of("meeting.minutes", "60", "meeting.attendees", "3", "meeting.mode", "video"));
		Estimate estimate = this.estimator.estimate(meeting, dongfangCommunity(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("3.00");
		assertThat(estimate.explanationZh()).isEqualTo("3 h = (60 分钟会议 + 0 分钟路程（视频会议）) × 3 人");
		assertThat(estimate.explanationEn()).isEqualTo("3 h = (60 min meeting + 0 min travel (video)) × 3 attendees");
	}

	@Test
	void meetingWithoutDetailsUsesTheRulebookDefaults() {
		Estimate estimate = this.estimator.estimate(demand(DemandKind.MEETING, Map.of()), bachuanStreet(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("3.50");
	}

	@Test
	void dataRequestCountsFieldsStaffAndPrefilledFields() {
		DemandSnapshot form = demand(DemandKind.DATA_REQUEST,
				Map.of("form.fields", "12", "form.prefilled", "8", "form.staff", "3"));
		Estimate estimate = this.estimator.estimate(form, dongfangCommunity(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("1.60");
		assertThat(estimate.explanationZh()).isEqualTo("1.6 h = ((12 项 − 8 项预填) × 6 分钟 + 8 项预填 × 1 分钟) × 3 人");
		assertThat(estimate.explanationEn())
			.isEqualTo("1.6 h = ((12 fields − 8 pre-filled) × 6 min + 8 pre-filled × 1 min) × 3 staff");
	}

	@Test
	void dataRequestFollowsATunedMinutesPerField() {
		DemandSnapshot form = demand(DemandKind.DATA_REQUEST, Map.of("form.fields", "10"));
		Estimate estimate = this.estimator.estimate(form, dongfangCommunity(),
				rules("burden.data-request.minutes-per-field", "12"));
		assertThat(estimate.hours()).isEqualByComparingTo("2.00");
	}

	@Test
	void prefilledFieldsBeyondTheFieldCountAreIgnored() {
		DemandSnapshot form = demand(DemandKind.DATA_REQUEST, Map.of("form.fields", "2", "form.prefilled", "50"));
		assertThat(this.estimator.estimate(form, dongfangCommunity(), rules()).hours()).isEqualByComparingTo("0.03");
	}

	@Test
	void inspectionCostsPreparationDaysTimesStaff() {
		Estimate estimate = this.estimator.estimate(demand(DemandKind.INSPECTION, Map.of("inspection.staff", "3")),
				bachuanStreet(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("48.00");
		assertThat(estimate.explanationZh()).isEqualTo("48 h = 2 天准备 × 8 小时 × 3 人");
		assertThat(estimate.explanationEn()).isEqualTo("48 h = 2 days of preparation × 8 h × 3 staff");
	}

	@Test
	void appCostsMinutesPerDayOverWorkingDays() {
		Estimate estimate = this.estimator.estimate(demand(DemandKind.APP, Map.of()), dongfangCommunity(), rules());
		assertThat(estimate.hours()).isEqualByComparingTo("5.25");
		assertThat(estimate.explanationZh()).isEqualTo("5.25 h = 15 分钟/天 × 21 个工作日");
		assertThat(estimate.explanationEn()).isEqualTo("5.25 h = 15 min a day × 21 working days");
	}

	@Test
	void campaignAndOtherUseTheirDefaultOrTheIssuersEstimate() {
		Estimate campaign = this.estimator.estimate(demand(DemandKind.CAMPAIGN, Map.of()), bachuanStreet(), rules());
		assertThat(campaign.hours()).isEqualByComparingTo("16.00");
		assertThat(campaign.explanationZh()).isEqualTo("16 h = 默认工时（规则 burden.campaign.hours）");
		Estimate other = this.estimator.estimate(demand(DemandKind.OTHER, Map.of("other.hours", "1.5")),
				bachuanStreet(), rules());
		assertThat(other.hours()).isEqualByComparingTo("1.50");
		assertThat(other.explanationEn()).isEqualTo("1.5 h = the issuer's estimate");
	}

	@Test
	void unreadableOrNegativeDetailsFallBackToTheRulebook() {
		DemandSnapshot meeting = demand(DemandKind.MEETING,
				Map.of("meeting.minutes", "lots", "meeting.attendees", "-4"));
		assertThat(this.estimator.estimate(meeting, bachuanStreet(), rules()).hours()).isEqualByComparingTo("3.50");
	}

}
