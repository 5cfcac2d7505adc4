package cn.jianfu.org.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks user name and password (form or HTTP Basic), refusing a name the
 * {@link LoginThrottle} has locked before any lookup or hashing, so that a locked name
 * answers the same whether or not the account exists.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

	private final LoginThrottle throttle;

	private final DaoAuthenticationProvider passwords;

	ThrottledSignIn(LoginThrottle throttle, SignIn signIn, PasswordEncoder encoder) {
		this.throttle = throttle;
		this.passwords = new DaoAuthenticationProvider(signIn);
		this.passwords.setPasswordEncoder(encoder);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (this.throttle.locked(authentication.getName())) {
			throw new LockedException("too many failed sign-ins");
		}
		return this.passwords.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
