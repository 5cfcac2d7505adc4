package cn.jianfu.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the audit hash chain: how many rows were checked and, if the
 * chain is broken, the first row that cannot be trusted and why.
 */
public record Verification(long rowsChecked, @Nullable Long firstTamperedSeq, String reason) {

	/** Whether every row was checked and none was tampered with. */
	public boolean intact() {
		return this.firstTamperedSeq == null;
	}

}
