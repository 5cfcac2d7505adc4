package cn.jianfu.shell;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;

/**
 * Gives every page what the layout shows: the signed-in viewer (or none), its roles in a
 * stable order, and links to the current page in the other language and text size.
 */
@ControllerAdvice
class LayoutModel {

	@ModelAttribute("viewer")
	@Nullable Viewer viewer() {
		return Viewer.current().orElse(null);
	}

	@ModelAttribute("viewerRoles")
	List<Role> viewerRoles() {
		return Viewer.current().map(v -> v.roles().stream().sorted().toList()).orElse(List.of());
	}

	@ModelAttribute("shell")
	Links links(HttpServletRequest request) {
		return Links.of(request);
	}

	/**
	 * The current path (for the navigation's {@code aria-current}) and the same page with
	 * {@code lang} or {@code text} switched; an error page or a form answered in place (a
	 * POST, which a link cannot repeat) links to the home page instead.
	 */
	record Links(String path, String english, String chinese, String largeText, String normalText) {

		static Links of(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String target = path;
			String query = request.getQueryString();
			if (path.isEmpty() || path.startsWith("/error") || !request.getMethod().equals("GET")) {
				target = "/";
				query = null;
			}
			return new Links(path, with(target, query, "lang", "en"), with(target, query, "lang", "zh"),
					with(target, query, "text", "large"), with(target, query, "text", "normal"));
		}

		private static String with(String path, @Nullable String query, String name, String value) {
			try {
				return UriComponentsBuilder.fromPath(path)
					.query(query)
					.replaceQueryParam("lang")
					.replaceQueryParam("text")
					.queryParam(name, value)
					.build(true)
					.toUriString();
			}
			catch (IllegalArgumentException ex) {
				return path + "?" + name + "=" + value;
			}
		}

		public boolean current(String prefix) {
			return prefix.equals("/") ? this.path.equals("/") : this.path.startsWith(prefix);
		}

	}

}
