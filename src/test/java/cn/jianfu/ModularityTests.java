package cn.jianfu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries (no cycles, no access to another module's internals) and
 * writes the module documentation committed under {@code docs/modules}.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(JianfuApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation()
			.writeAggregatingDocument();
	}

}
