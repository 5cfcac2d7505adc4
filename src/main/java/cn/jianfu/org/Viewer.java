package cn.jianfu.org;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in account as every module sees it: who, with which roles, acting for which
 * unit (and department), and the scope it may see. The unit of any write comes from here,
 * never from a request body.
 */
public record Viewer(long accountId, String username, String displayName, Set<Role> roles, String unitCode,
		String unitName, UnitLevel unitLevel, @Nullable Long departmentId, @Nullable String departmentName,
		Scope scope) implements Serializable {

	public Viewer {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * The viewer of the current request or command, if one is signed in.
	 */
	public static Optional<Viewer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Signed signed) {
			return Optional.of(signed.viewer());
		}
		return Optional.empty();
	}

	/**
	 * Implemented by the security principal that carries the viewer.
	 */
	public interface Signed {

		Viewer viewer();

	}

}
