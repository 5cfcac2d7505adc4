package cn.jianfu.feedback.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The anonymous channel's outer wall: on {@code /report} and {@code /api/v1/reports} the
 * rest of the application never sees who asked. Before any other filter, the request is
 * wrapped so that it has no client address, no User-Agent, Referer or forwarding headers,
 * no cookies and no session, and the response so that it cannot set a cookie; every
 * answer carries {@code Cache-Control: no-store} and
 * {@code Referrer-Policy: no-referrer}.
 * <p>
 * What is never read cannot be stored or logged by mistake, by this module or any library
 * under it.
 */
@Configuration(proxyBeanMethods = false)
public class AnonymousPath {

	static final String ADDRESS = "0.0.0.0";

	private static final Set<String> HIDDEN = Set.of("user-agent", "cookie", "referer", "x-forwarded-for",
			"x-forwarded-host", "x-real-ip", "forwarded", "via", "true-client-ip", "cf-connecting-ip", "x-client-ip",
			"sec-ch-ua", "sec-ch-ua-platform", "sec-ch-ua-mobile", "from", "authorization", "proxy-authorization");

	@Bean
	FilterRegistrationBean<Filter> anonymousPathFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Wall());
		registration.setUrlPatterns(List.of("/*"));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
				DispatcherType.ASYNC);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("anonymousPath");
		return registration;
	}

	/** Whether a path (without the context path) belongs to the anonymous channel. */
	static boolean anonymous(@Nullable String path) {
		if (path == null) {
			return false;
		}
		return path.equals("/report") || path.startsWith("/report/") || path.equals("/api/v1/reports")
				|| path.startsWith("/api/v1/reports/");
	}

	/**
	 * Wraps requests to the anonymous channel; an error on it (a 404, a 405, an
	 * unexpected failure), which the container would hand to the shared error page with
	 * the unwrapped request and response, is answered here with a plain bilingual text
	 * instead, so that no session or cookie is made for it.
	 */
	static final class Wall implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest in = (HttpServletRequest) request;
			HttpServletResponse out = (HttpServletResponse) response;
			if (in.getDispatcherType() == DispatcherType.ERROR) {
				Object uri = in.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
				if (uri instanceof String path
						&& anonymous(path.substring(Math.min(path.length(), in.getContextPath().length())))) {
					plainError(out);
					return;
				}
				chain.doFilter(request, response);
				return;
			}
			String path = in.getRequestURI()
				.substring(Math.min(in.getRequestURI().length(), in.getContextPath().length()));
			if (!anonymous(path)) {
				chain.doFilter(request, response);
				return;
			}
			HttpServletResponse wrapped = new NoCookies(out);
			wrapped.setHeader("Cache-Control", "no-store");
			wrapped.setHeader("Pragma", "no-cache");
			wrapped.setHeader("Referrer-Policy", "no-referrer");
			chain.doFilter(new Unknown(in), wrapped);
		}

		private static void plainError(HttpServletResponse out) throws IOException {
			out.setHeader("Cache-Control", "no-store");
			out.setHeader("Pragma", "no-cache");
			out.setHeader("Referrer-Policy", "no-referrer");
			out.setContentType("text/plain;charset=UTF-8");
			out.getWriter().write("出错了，请返回重试。\nSomething went wrong; please go back and try again.\n");
		}

	}

	/** A request from nobody in particular. */
	static final class Unknown extends HttpServletRequestWrapper {

		Unknown(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getRemoteAddr() {
			return ADDRESS;
		}

		@Override
		public String getRemoteHost() {
			return ADDRESS;
		}

		@Override
		public int getRemotePort() {
			return 0;
		}

		@Override
		public @Nullable String getRemoteUser() {
			return null;
		}

		@Override
		public Cookie @Nullable [] getCookies() {
			return null;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections
				.enumeration(Collections.list(super.getHeaderNames()).stream().filter(name -> !hidden(name)).toList());
		}

		@Override
		public long getDateHeader(String name) {
			return hidden(name) ? -1 : super.getDateHeader(name);
		}

		@Override
		public int getIntHeader(String name) {
			return hidden(name) ? -1 : super.getIntHeader(name);
		}

		@Override
		public @Nullable HttpSession getSession(boolean create) {
			if (create) {
				throw new IllegalStateException("the anonymous channel has no sessions");
			}
			return null;
		}

		@Override
		public @Nullable HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public @Nullable String getRequestedSessionId() {
			return null;
		}

		@Override
		public boolean isRequestedSessionIdValid() {
			return false;
		}

		private static boolean hidden(String name) {
			return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * A response that sets no cookie and keeps its no-store and no-referrer headers.
	 */
	static final class NoCookies extends HttpServletResponseWrapper {

		NoCookies(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addCookie(Cookie cookie) {
		}

		@Override
		public void setHeader(String name, String value) {
			if (allowed(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (allowed(name)) {
				super.addHeader(name, value);
			}
		}

		private boolean allowed(String name) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals("set-cookie") || lower.equals("set-cookie2")) {
				return false;
			}
			if (lower.equals("cache-control") || lower.equals("pragma") || lower.equals("referrer-policy")
					|| lower.equals("expires")) {
				return !containsHeader(name);
			}
			return true;
		}

	}

}
