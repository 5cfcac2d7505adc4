package cn.jianfu.platform.internal;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import cn.jianfu.platform.Bilingual;

/**
 * The shell every page shares: Chinese first with an English switch ({@code ?lang=en},
 * remembered in a cookie) and the large-text mode 长辈模式 ({@code ?text=large} or
 * {@code ?text=normal}), both plain links that work without JavaScript.
 */
@Configuration(proxyBeanMethods = false)
class WebShell implements WebMvcConfigurer {

	static final String TEXT_COOKIE = "jianfu-text";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("jianfu-lang");
		resolver.setDefaultLocale(Bilingual.CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor locale = new LocaleChangeInterceptor();
		locale.setParamName("lang");
		locale.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new OnlyChineseOrEnglish()).excludePathPatterns("/api/**", "/webjars/**", "/css/**");
		registry.addInterceptor(locale).excludePathPatterns("/api/**", "/webjars/**", "/css/**");
		registry.addInterceptor(new LargeText()).excludePathPatterns("/api/**", "/webjars/**", "/css/**");
	}

	/**
	 * Drops a {@code lang} parameter other than zh or en before the locale interceptor
	 * sees it.
	 */
	static final class OnlyChineseOrEnglish implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String lang = request.getParameter("lang");
			if (lang != null && !lang.equals("zh") && !lang.equals("en") && !lang.equals("zh_CN")) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				return false;
			}
			return true;
		}

	}

	/**
	 * Remembers the large-text choice and exposes it to templates as the request
	 * attribute {@code largeText}.
	 */
	static final class LargeText implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String choice = request.getParameter("text");
			boolean large;
			if ("large".equals(choice) || "normal".equals(choice)) {
				large = "large".equals(choice);
				Cookie cookie = new Cookie(TEXT_COOKIE, choice);
				cookie.setPath("/");
				cookie.setHttpOnly(true);
				cookie.setMaxAge(large ? 365 * 24 * 3600 : 0);
				cookie.setAttribute("SameSite", "Lax");
				response.addCookie(cookie);
			}
			else {
				large = false;
				if (request.getCookies() != null) {
					for (Cookie cookie : request.getCookies()) {
						if (TEXT_COOKIE.equals(cookie.getName()) && "large".equals(cookie.getValue())) {
							large = true;
						}
					}
				}
			}
			request.setAttribute("largeText", large);
			return true;
		}

	}

}
