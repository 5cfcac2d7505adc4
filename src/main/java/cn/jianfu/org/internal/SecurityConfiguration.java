package cn.jianfu.org.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;

/**
 * Two ways in: the API and actuator under HTTP Basic or a personal access token,
 * stateless, answering problems as JSON; the pages under form login with a session and
 * CSRF protection. Passwords are hashed with Argon2 (16 MiB, t=2, p=1; OWASP ASVS 2.4).
 * Every denial is audited.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
			+ " script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * The anonymous channel of the feedback module: open to everyone, stateless, no CSRF
	 * cookie or session (its forms carry a stateless signed token instead), never cached,
	 * never sending a Referer onward. The feedback module's {@code AnonymousPath} filter
	 * hides the client's address, User-Agent and cookies from everything behind it.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain anonymousChannel(HttpSecurity http) throws Exception {
		http.securityMatcher("/report", "/report/**", "/api/v1/reports", "/api/v1/reports/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, PersonalTokens tokens, Bilingual bilingual, AuditLog audit)
			throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
				"auth.required", bilingual, true);
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/api/v1/admin/**", "/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint).realmName("jianfu"))
			.addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(denied(audit, (request, response) -> problem(response, HttpStatus.FORBIDDEN,
						"auth.forbidden", bilingual, false))));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuditLog audit) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/swagger-ui.html",
					"/swagger-ui/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login").failureHandler(new LoginFailurePage()).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling(e -> e.accessDeniedHandler(
					denied(audit, (request, response) -> response.sendError(HttpStatus.FORBIDDEN.value()))));
		return http.build();
	}

	private static AccessDeniedHandler denied(AuditLog audit, Responder responder) {
		return (request, response, ex) -> {
			String account = Viewer.current().map(Viewer::username).orElse("anonymous");
			audit.record(new AuditEvent(account, AuditTypes.ACCESS_DENIED, AuditResult.DENIED,
					request.getMethod() + " " + request.getRequestURI(), ""));
			try {
				responder.respond(request, response);
			}
			catch (jakarta.servlet.ServletException se) {
				throw new IOException(se);
			}
		};
	}

	static void problem(HttpServletResponse response, HttpStatus status, String code, Bilingual bilingual,
			boolean challenge) throws IOException {
		Bilingual.Text text = bilingual.text("problem." + code);
		response.setStatus(status.value());
		if (challenge) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"jianfu\", Bearer");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"urn:jianfu:problem:%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"code\":\"%s\","
				.formatted(code, text.en(), status.value(), text.zh(), code)
					+ "\"message_zh\":\"%s\",\"message_en\":\"%s\"}".formatted(text.zh(), text.en()));
	}

	@FunctionalInterface
	interface Responder {

		void respond(HttpServletRequest request, HttpServletResponse response)
				throws IOException, jakarta.servlet.ServletException;

	}

}
