package cn.jianfu.shell;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import cn.jianfu.platform.Problem;

/**
 * Answers a {@link Problem} that a page (not the API, whose advice answers first) did not
 * handle with its HTTP status, so that a unit outside the scope shows the 404 page rather
 * than a 500.
 */
@Component
class PageProblems implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof Problem problem)) {
			return null;
		}
		try {
			response.sendError(problem.status().value());
			return new ModelAndView();
		}
		catch (IOException io) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
