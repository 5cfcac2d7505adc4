package cn.jianfu.audit.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.Verification;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Subcommand;

/**
 * The {@code audit verify} command: checks the hash chain and exits 0 when it is intact,
 * 1 when a row was tampered with (naming the first), and 2 on wrong usage.
 */
@Component
class AuditCommand implements Subcommand {

	private final AuditLog auditLog;

	private final Bilingual bilingual;

	AuditCommand(AuditLog auditLog, Bilingual bilingual) {
		this.auditLog = auditLog;
		this.bilingual = bilingual;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (!args.equals(List.of("verify"))) {
			err.println(this.bilingual.text("audit.usage"));
			return 2;
		}
		Verification verification = this.auditLog.verify();
		if (verification.intact()) {
			out.println(this.bilingual.text("audit.verify.intact", String.valueOf(verification.rowsChecked())));
			return 0;
		}
		out.println(this.bilingual.text("audit.verify.tampered", String.valueOf(verification.firstTamperedSeq()),
				verification.reason(), String.valueOf(verification.rowsChecked())));
		return 1;
	}

}
