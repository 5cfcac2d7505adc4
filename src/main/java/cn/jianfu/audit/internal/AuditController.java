package cn.jianfu.audit.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditRecord;
import cn.jianfu.audit.Verification;

/**
 * The administrators' view of the audit log: the verification of its hash chain and its
 * rows, newest first.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/verify")
	VerificationView verify() {
		return VerificationView.of(this.auditLog.verify());
	}

	@GetMapping
	AuditPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new AuditPage(page, size, this.auditLog.recent(page, size));
	}

	/**
	 * A verification as JSON, with {@code firstTamperedSeq} always present (null when
	 * intact).
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record VerificationView(boolean intact, long rowsChecked, @Nullable Long firstTamperedSeq, String reason) {

		static VerificationView of(Verification verification) {
			return new VerificationView(verification.intact(), verification.rowsChecked(),
					verification.firstTamperedSeq(), verification.reason());
		}

	}

	/**
	 * One page of audit rows, newest first.
	 */
	record AuditPage(int page, int size, List<AuditRecord> rows) {

	}

}
