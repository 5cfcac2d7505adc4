package cn.jianfu.gate;

/**
 * What a demand asks of grassroots units; each kind's module adds its knowledge (checks,
 * burden model, details).
 */
public enum DemandKind {

	/** 文件, including white-header notes (便笺), which count as documents. */
	DOCUMENT,
	/** 会议, in person or by video. */
	MEETING,
	/** 报表 / 数据索取. */
	DATA_REQUEST,
	/** 督查检查考核. */
	INSPECTION,
	/** 政务应用、小程序、工作群. */
	APP,
	/** 创建示范、评比达标活动. */
	CAMPAIGN,
	/** 其他. */
	OTHER;

	public String messageKey() {
		return "demand.kind." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
