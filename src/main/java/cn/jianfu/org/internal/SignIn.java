package cn.jianfu.org.internal;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.jianfu.org.Department;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;

/**
 * Loads an account for sign-in (form, HTTP Basic or token) and turns it into the
 * {@link Viewer} that the rest of the platform sees; an account the throttle has locked
 * is reported as locked before its password is checked.
 */
@Component
class SignIn implements UserDetailsService {

	private final Accounts accounts;

	private final Units units;

	private final Departments departments;

	SignIn(Accounts accounts, Units units, Departments departments) {
		this.accounts = accounts;
		this.units = units;
		this.departments = departments;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findForSignIn(username)
			.map(this::details)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	Optional<AccountDetails> byId(long accountId) {
		return this.accounts.findById(accountId).map(this::details);
	}

	private AccountDetails details(Accounts.Account account) {
		Unit unit = this.units.findUnscoped(account.unitCode()).orElseThrow();
		Scope scope = new Scope(unit.code(), unit.path());
		Optional<Department> department = account.departmentId() == null ? Optional.empty()
				: this.departments.ofUnit(scope, unit.code())
					.stream()
					.filter(d -> d.id() == account.departmentId())
					.findFirst();
		Viewer viewer = new Viewer(account.id(), account.username(), account.displayName(), account.roles(),
				unit.code(), unit.name(), unit.level(), department.map(Department::id).orElse(null),
				department.map(Department::name).orElse(null), scope);
		return new AccountDetails(viewer, account.passwordHash(), account.enabled());
	}

}
