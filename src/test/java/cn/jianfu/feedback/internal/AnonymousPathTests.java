package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The wall in front of the anonymous channel, alone: what the application behind it sees
 * of a request, what it can set on the response, and how an error dispatch (which the
 * container sends to the shared error page) is answered.
 */
class AnonymousPathTests {

	final AnonymousPath.Wall wall = new AnonymousPath.Wall();

	@Test
	void theApplicationSeesNoAddressAgentCookieOrSessionAndCannotSetACookie() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/report/follow");
		request.setRemoteAddr("198.51.100.9");
		request.addHeader("User-Agent", "MARKER-UA");
		request.addHeader("X-Forwarded-For", "203.0.113.9");
		request.addHeader("Accept-Language", "zh-CN");
		request.setCookies(new Cookie("JSESSIONID", "abc"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		this.wall.doFilter(request, response, (req, res) -> {
			seen.set((HttpServletRequest) req);
			((HttpServletResponse) res).addCookie(new Cookie("jianfu-lang", "en"));
			((HttpServletResponse) res).addHeader("Set-Cookie", "JSESSIONID=x");
			((HttpServletResponse) res).setHeader("Cache-Control", "max-age=3600");
		});
		HttpServletRequest inside = seen.get();
		assertThat(inside.getRemoteAddr()).isEqualTo("0.0.0.0");
		assertThat(inside.getRemoteHost()).isEqualTo("0.0.0.0");
		assertThat(inside.getHeader("User-Agent")).isNull();
		assertThat(inside.getHeader("x-forwarded-for")).isNull();
		assertThat(java.util.Collections.list(inside.getHeaderNames())).containsExactly("Accept-Language");
		assertThat(inside.getCookies()).isNull();
		assertThat(inside.getSession(false)).isNull();
		assertThat(response.getCookies()).isEmpty();
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void otherPathsPassUntouched() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reports-elsewhere");
		request.setRemoteAddr("198.51.100.9");
		AtomicReference<ServletRequest> seen = new AtomicReference<>();
		this.wall.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
		assertThat(seen.get()).isSameAs(request);
	}

	@Test
	void anErrorOnTheChannelIsAnsweredHereNotByTheSharedErrorPage() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setDispatcherType(DispatcherType.ERROR);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/report/follow/info");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<Boolean> called = new AtomicReference<>(false);
		this.wall.doFilter(request, response, (req, res) -> called.set(true));
		assertThat(called.get()).isFalse();
		assertThat(response.getContentAsString()).contains("Something went wrong");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getCookies()).isEmpty();

		MockHttpServletRequest other = new MockHttpServletRequest("GET", "/error");
		other.setDispatcherType(DispatcherType.ERROR);
		other.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/demands/1");
		this.wall.doFilter(other, new MockHttpServletResponse(), (req, res) -> called.set(true));
		assertThat(called.get()).isTrue();
	}

}
