package cn.jianfu.documents.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.jianfu.text.Mojibake;

/**
 * What intake read from a file: its format and charset, whether it was written in
 * Traditional characters, the normalised Simplified text, its official elements and the
 * garbled runs it found (reported, and left out of the index).
 */
record ParsedDocument(String format, String charset, boolean traditional, String text, OfficialElements elements,
		List<Mojibake.Run> mojibake) {

	int length() {
		return cn.jianfu.text.Normalization.length(this.text);
	}

	@Nullable String title() {
		return this.elements.title();
	}

	@Nullable String docNumber() {
		return this.elements.docNumber();
	}

	@Nullable LocalDate date() {
		return this.elements.date();
	}

}
