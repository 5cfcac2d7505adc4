package cn.jianfu.org.internal;

import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.jianfu.org.Viewer;

/**
 * The security principal of a signed-in account: its {@link Viewer}, and the password
 * hash until sign-in erases it.
 */
public final class AccountDetails implements UserDetails, CredentialsContainer, Viewer.Signed {

	private final Viewer viewer;

	private @Nullable String passwordHash;

	private final boolean enabled;

	AccountDetails(Viewer viewer, @Nullable String passwordHash, boolean enabled) {
		this.viewer = viewer;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	@Override
	public Viewer viewer() {
		return this.viewer;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.viewer.roles()
			.stream()
			.map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
			.toList();
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.viewer.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "AccountDetails[" + this.viewer.username() + "]";
	}

}
