package cn.jianfu.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;

/**
 * Reads the multipart body of the documents API itself, before Spring's multipart
 * resolver, so that a file over the module's limit ({@code jianfu.documents.max-bytes})
 * is answered with the module's own {@code document.too-large} naming the file and the
 * limit, whatever its size, instead of the servlet container's generic 413. The body is
 * read into memory up to the limit plus 1 MB for the other fields and stops there: a
 * larger upload becomes a placeholder part that carries only its name and a size over the
 * limit (the rest of the body is read and thrown away, up to 16 times the limit, so that
 * the client gets the answer); nothing is written to disk.
 */
@Component
class DocumentUploads extends OncePerRequestFilter {

	static final Set<String> PATHS = Set.of("/api/v1/documents", "/api/v1/documents/parse", "/api/v1/documents/drafts",
			"/api/v1/documents/related");

	static final int OVERHEAD = 1024 * 1024;

	private final long maxBytes;

	DocumentUploads(@Value("${jianfu.documents.max-bytes:20971520}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
				|| !PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()))
				|| request instanceof MultipartHttpServletRequest;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String boundary;
		try {
			boundary = MediaType.parseMediaType(request.getContentType()).getParameter("boundary");
		}
		catch (InvalidMediaTypeException ex) {
			boundary = null;
		}
		if (boundary == null || boundary.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		long cap = this.maxBytes + OVERHEAD;
		InputStream in = request.getInputStream();
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cap + 1));
		boolean truncated = body.length > cap;
		if (truncated) {
			drain(in, this.maxBytes * 16);
		}
		MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
		Map<String, String[]> fields = new HashMap<>();
		Map<String, String> types = new HashMap<>();
		parse(body, ("--" + boundary.replace("\"", "")).getBytes(StandardCharsets.ISO_8859_1), truncated, files, fields,
				types);
		chain.doFilter(new DefaultMultipartHttpServletRequest(request, files, fields, types), response);
	}

	private static void drain(InputStream in, long most) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long read = 0;
		for (int n; read < most && (n = in.read(buffer)) > 0;) {
			read += n;
		}
	}

	/**
	 * Splits the body at the boundaries. A part cut off by the cap keeps its name and a
	 * size just over the limit.
	 */
	void parse(byte[] body, byte[] delimiter, boolean truncated, MultiValueMap<String, MultipartFile> files,
			Map<String, String[]> fields, Map<String, String> types) {
		int at = indexOf(body, delimiter, 0);
		while (at >= 0) {
			int headersFrom = at + delimiter.length;
			if (headersFrom + 2 <= body.length && body[headersFrom] == '-' && body[headersFrom + 1] == '-') {
				return;
			}
			headersFrom += 2;
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersFrom);
			if (headersEnd < 0) {
				return;
			}
			String headers = new String(body, headersFrom, headersEnd - headersFrom, StandardCharsets.UTF_8);
			int contentFrom = headersEnd + 4;
			byte[] next = new byte[delimiter.length + 2];
			next[0] = '\r';
			next[1] = '\n';
			System.arraycopy(delimiter, 0, next, 2, delimiter.length);
			int end = indexOf(body, next, contentFrom);
			boolean cut = end < 0;
			if (cut && !truncated) {
				return;
			}
			ContentDisposition disposition = null;
			String type = null;
			for (String line : headers.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String name = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
				String value = line.substring(colon + 1).strip();
				if (name.equals("content-disposition")) {
					disposition = ContentDisposition.parse(value);
				}
				else if (name.equals("content-type")) {
					type = value;
				}
			}
			if (disposition != null && disposition.getName() != null) {
				String name = disposition.getName();
				if (disposition.getFilename() != null) {
					files.add(name,
							cut ? new Upload(name, disposition.getFilename(), type, null, this.maxBytes + 1)
									: new Upload(name, disposition.getFilename(), type,
											Arrays.copyOfRange(body, contentFrom, end), end - contentFrom));
					if (type != null) {
						types.put(name, type);
					}
				}
				else if (!cut) {
					String value = new String(body, contentFrom, end - contentFrom, StandardCharsets.UTF_8);
					String[] old = fields.get(name);
					String[] values = old == null ? new String[1] : Arrays.copyOf(old, old.length + 1);
					values[values.length - 1] = value;
					fields.put(name, values);
				}
			}
			if (cut) {
				return;
			}
			at = end + 2;
		}
	}

	static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * A file part held in memory; without content when the upload was over the limit
	 * (then only its name and a size over the limit are known).
	 */
	record Upload(String name, @Nullable String originalFilename, @Nullable String contentType,
			byte @Nullable [] content, long size) implements MultipartFile {

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public @Nullable String getOriginalFilename() {
			return this.originalFilename;
		}

		@Override
		public @Nullable String getContentType() {
			return this.contentType;
		}

		@Override
		public boolean isEmpty() {
			return this.size == 0;
		}

		@Override
		public long getSize() {
			return this.size;
		}

		@Override
		public byte[] getBytes() throws IOException {
			if (this.content == null) {
				throw new IOException("the upload was over the limit and was not kept");
			}
			return this.content;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return new ByteArrayInputStream(getBytes());
		}

		@Override
		public void transferTo(java.io.File dest) throws IOException {
			Files.write(dest.toPath(), getBytes());
		}

		@Override
		public void transferTo(Path dest) throws IOException {
			Files.write(dest, getBytes());
		}

	}

}
