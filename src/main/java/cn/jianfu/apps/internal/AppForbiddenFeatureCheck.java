package cn.jianfu.apps.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * Forced check-in, points ranking, online-time statistics, forced install or login, likes
 * or study time as criteria and forced photo, video or track uploads are forbidden
 * (国办函〔2026〕12号): any of them refuses the registration.
 */
@Component
class AppForbiddenFeatureCheck extends AppCheck {

	static final String CODE = "app.forbidden-feature";

	static final String RULE = "app.forbidden-features";

	private final MessageSource source;

	AppForbiddenFeatureCheck(Bilingual messages, MessageSource source) {
		super(CODE, RULE, messages);
		this.source = source;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context) {
		if (!context.rules().flag(RULE)) {
			return Stream.empty();
		}
		List<AppFeature> forbidden = app.features().stream().filter(AppFeature::forbidden).sorted().toList();
		if (forbidden.isEmpty()) {
			return Stream.empty();
		}
		String zh = String.join("、", forbidden.stream().map(f -> name(f, Bilingual.CHINESE)).toList());
		String en = String.join(", ", forbidden.stream().map(f -> name(f, Bilingual.ENGLISH)).toList());
		String evidence = "features: " + String.join(",", forbidden.stream().map(AppFeature::key).toList());
		return Stream.of(finding(Severity.BLOCK, evidence, context, new Object[] { zh }, new Object[] { en }));
	}

	private String name(AppFeature feature, Locale locale) {
		return this.source.getMessage(feature.messageKey(), null, feature.key(), locale);
	}

}
