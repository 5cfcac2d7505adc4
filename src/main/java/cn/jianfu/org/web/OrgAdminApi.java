package cn.jianfu.org.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.org.ImportSummary;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.org.internal.AccountAdministration;
import cn.jianfu.org.internal.UnitImport;
import cn.jianfu.platform.Problem;

/**
 * Administration of the hierarchy and of accounts, limited to the administrator's scope.
 */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin", description = "组织与账号管理 / Organisation and account administration")
class OrgAdminApi {

	static final long MAX_CSV_BYTES = 20L * 1024 * 1024;

	private final UnitImport unitImport;

	private final AccountAdministration accounts;

	OrgAdminApi(UnitImport unitImport, AccountAdministration accounts) {
		this.unitImport = unitImport;
		this.accounts = accounts;
	}

	@PostMapping(path = "/units/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(
			summary = "从 CSV 导入单位（code,name,level,parent_code）；有错误则不写入 / Import units from CSV; nothing is written if any row is wrong")
	ResponseEntity<ImportSummary> importUnits(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "units.csv") String file,
			HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_CSV_BYTES) {
			throw tooLarge();
		}
		Viewer admin = signed.viewer();
		try (Reader csv = new InputStreamReader(new Bounded(request.getInputStream()), StandardCharsets.UTF_8)) {
			ImportSummary summary = this.unitImport.importCsv(csv, file, admin.scope(), dryRun, admin.username());
			return summary.ok() ? ResponseEntity.ok(summary) : ResponseEntity.unprocessableEntity().body(summary);
		}
	}

	@GetMapping("/accounts")
	@Operation(summary = "管辖范围内的账号 / Accounts in scope")
	List<AccountView> accounts(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.accounts.list(signed.viewer())
			.stream()
			.map(a -> new AccountView(a.username(), a.displayName(), a.unitCode(), a.roles(), a.enabled()))
			.toList();
	}

	@PutMapping("/accounts/{username}/roles")
	@Operation(summary = "更改账号角色 / Change an account's roles")
	RolesView changeRoles(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String username,
			@RequestBody RolesView body) {
		Set<Role> roles = body.roles() == null || body.roles().isEmpty() ? EnumSet.noneOf(Role.class)
				: EnumSet.copyOf(body.roles());
		return new RolesView(this.accounts.changeRoles(signed.viewer(), username, roles));
	}

	static Problem tooLarge() {
		return new Problem(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "upload.too-large", MAX_CSV_BYTES);
	}

	/**
	 * Stops reading a body without a declared length (chunked) once it passes
	 * {@link #MAX_CSV_BYTES}.
	 */
	static final class Bounded extends java.io.FilterInputStream {

		private long read;

		Bounded(java.io.InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			count(b < 0 ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > MAX_CSV_BYTES) {
				throw tooLarge();
			}
		}

	}

	record AccountView(String username, String displayName, String unitCode, Set<Role> roles, boolean enabled) {
	}

	record RolesView(@Nullable Set<Role> roles) {
	}

}
