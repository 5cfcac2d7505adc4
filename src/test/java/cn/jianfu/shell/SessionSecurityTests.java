package cn.jianfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import cn.jianfu.DatabaseTest;

/**
 * RELIABILITY row 5, against the real server: a new session id at sign-in, none valid
 * after sign-out, an idle timeout of at most 30 minutes, and cookies that are HttpOnly,
 * SameSite and, over HTTPS (here a trusted proxy's {@code X-Forwarded-Proto}), Secure.
 */
@DatabaseTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionSecurityTests {

	static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext context;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> get(String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Forwarded-Proto", "https");
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String session, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", "JSESSIONID=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
	}

	static String id(String cookie) {
		Matcher matcher = SESSION.matcher(cookie);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	static String form(String... pairs) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			form.append(i == 0 ? "" : "&")
				.append(pairs[i])
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	@Test
	void signInRotatesTheSessionAndSignOutEndsIt() throws Exception {
		HttpResponse<String> login = get("/login", null);
		String cookie = sessionCookie(login).orElseThrow();
		assertThat(List.of(cookie.split(";\\s*"))).contains("HttpOnly", "Secure")
			.anyMatch(a -> a.equalsIgnoreCase("SameSite=Lax"));
		String before = id(cookie);

		HttpResponse<String> signedIn = post("/login", before,
				form("username", "township", "password", "jianfu-demo", "_csrf", csrf(login.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		String after = id(sessionCookie(signedIn).orElseThrow());
		assertThat(after).isNotEqualTo(before);
		assertThat(get("/", before).statusCode()).as("the old id no longer signs in").isEqualTo(302);

		HttpResponse<String> home = get("/", after);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("巴川街道");

		HttpResponse<String> signedOut = post("/logout", after, form("_csrf", csrf(home.body())));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		HttpResponse<String> afterLogout = get("/", after);
		assertThat(afterLogout.statusCode()).isEqualTo(302);
		assertThat(afterLogout.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	@Test
	void idleSessionsExpireWithinThirtyMinutes() {
		assertThat(this.context.getServletContext().getSessionTimeout()).isPositive().isLessThanOrEqualTo(30);
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() throws Exception {
		String session = id(sessionCookie(get("/login", null)).orElseThrow());
		HttpResponse<String> response = post("/login", session,
				form("username", "township", "password", "jianfu-demo"));
		assertThat(response.statusCode()).isEqualTo(403);
	}

}
