package cn.jianfu.gate;

/**
 * The rule a finding applies: the source document and its article, e.g. 《整治形式主义为基层减负若干规定》
 * 第五条.
 */
public record RuleRef(String document, String article) {

	@Override
	public String toString() {
		return this.document + " " + this.article;
	}

}
