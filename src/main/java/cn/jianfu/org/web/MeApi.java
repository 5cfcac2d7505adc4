package cn.jianfu.org.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.org.internal.AccessTokens;
import cn.jianfu.org.internal.PersonalTokens;

/**
 * The signed-in account and its personal access tokens.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "当前账号与个人访问令牌 / The signed-in account and its tokens")
class MeApi {

	private final PersonalTokens tokens;

	MeApi(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "当前账号、角色与所属单位 / The account, its roles and its unit")
	Me me(@AuthenticationPrincipal Viewer.Signed signed) {
		Viewer v = signed.viewer();
		return new Me(v.username(), v.displayName(), v.roles(),
				new UnitRef(v.unitCode(), v.unitName(), v.unitLevel().number()),
				v.departmentId() == null ? null : new DepartmentRef(v.departmentId(), v.departmentName()));
	}

	@GetMapping("/tokens")
	@Operation(summary = "我的个人访问令牌（不含密钥）/ My personal access tokens (without secrets)")
	List<AccessTokens.TokenInfo> tokens(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.tokens.list(signed.viewer());
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建令牌；密钥只显示这一次 / Create a token; the secret is shown only once")
	PersonalTokens.NewToken create(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestBody NewTokenRequest request) {
		return this.tokens.create(signed.viewer(), request.name() == null ? "" : request.name(), request.expiresAt());
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "吊销令牌 / Revoke a token")
	void revoke(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		this.tokens.revoke(signed.viewer(), id);
	}

	record Me(String username, String displayName, Set<Role> roles, UnitRef unit, @Nullable DepartmentRef department) {
	}

	record UnitRef(String code, String name, int level) {
	}

	record DepartmentRef(long id, @Nullable String name) {
	}

	record NewTokenRequest(@Nullable String name, @Nullable Instant expiresAt) {
	}

}
