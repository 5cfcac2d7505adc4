package cn.jianfu.apps.internal;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * No ad-hoc or repeated demands for forms and data through an app: data collected in an
 * app goes through the catalogue (一表通) as a data request, and the sponsor says how.
 */
@Component
class AppDataCollectionCheck extends AppCheck {

	static final String CODE = "app.data-collection";

	static final String RULE = "app.data-collection.via-catalogue";

	AppDataCollectionCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context) {
		if (!context.rules().flag(RULE) || !app.features().contains(AppFeature.DATA_COLLECTION)) {
			return Stream.empty();
		}
		return Stream.of(finding(Severity.JUSTIFY,
				"feature data-collection; register its forms in the catalogue" + " (DATA_REQUEST demands)", context));
	}

}
