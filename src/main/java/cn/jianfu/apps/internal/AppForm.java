package cn.jianfu.apps.internal;

/**
 * The shape of the thing staff must use: an app, a mini-program or a work group.
 */
public enum AppForm {

	APP, MINI_PROGRAM, WORK_GROUP;

	public String messageKey() {
		return "apps.form." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
