package cn.jianfu.duties.internal;

/**
 * The two lists: a township's duty list (履职事项清单) and a village's admission list (准入清单).
 */
public enum ListKind {

	DUTY, ADMISSION

}
