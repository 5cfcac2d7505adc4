package cn.jianfu.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Stores uploaded files under {@code <jianfu.data-dir>/<area>/<generated id>} only, never
 * under a name the user gave, and accepts only the kinds it recognises by their content:
 * PDF, DOCX, XLSX, PNG, JPEG and plain UTF-8 text. A rejected or partly written file is
 * deleted before the failure is thrown.
 */
@Component
public class FileStore {

	/** PDF. */
	public static final String PDF = "application/pdf";

	/** Word (DOCX). */
	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** Excel (XLSX). */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** PNG. */
	public static final String PNG = "image/png";

	/** JPEG. */
	public static final String JPEG = "image/jpeg";

	/** Plain UTF-8 text. */
	public static final String TEXT = "text/plain;charset=UTF-8";

	/** Most entries an office document may hold. */
	static final int MAX_ENTRIES = 1000;

	/** Most bytes one office document entry, or all of them together, may expand to. */
	static final long MAX_EXPANDED = 100L * 1024 * 1024;

	/** Longest display name kept, in characters. */
	public static final int MAX_NAME = 200;

	private final Path root;

	public FileStore(@Value("${jianfu.data-dir:./data}") String dataDir) {
		this.root = Path.of(dataDir).toAbsolutePath().normalize();
	}

	/**
	 * Copies at most {@code limit} bytes into a new file of the area, detects its kind
	 * and returns it; more bytes are a 413, an unknown kind a 400, and in both cases
	 * nothing is left behind.
	 */
	public Stored save(String area, InputStream in, long limit) {
		Path dir = area(area);
		String id = UUID.randomUUID().toString();
		Path part = dir.resolve(id + ".part");
		Path target = dir.resolve(id);
		try {
			Files.createDirectories(dir);
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
				byte[] buffer = new byte[64 * 1024];
				for (int n; (n = in.read(buffer)) > 0;) {
					size += n;
					if (size > limit) {
						throw new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload.too-large", limit);
					}
					sha.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				throw Problem.badRequest("upload.empty");
			}
			String type = detect(part);
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
			return new Stored(id, type, size, HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			deleteQuietly(part);
			deleteQuietly(target);
			throw new IllegalStateException("cannot store upload " + id, ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(part);
			deleteQuietly(target);
			throw ex;
		}
	}

	/** The stored file of the area with this generated id; any other id is refused. */
	public Path path(String area, String id) {
		UUID uuid = UUID.fromString(id);
		Path file = area(area).resolve(uuid.toString()).normalize();
		if (!file.startsWith(this.root)) {
			throw new IllegalArgumentException("outside the storage root: " + id);
		}
		return file;
	}

	/** Deletes a stored file if it exists, for a store whose record was not saved. */
	public void delete(String area, String id) {
		deleteQuietly(path(area, id));
	}

	/**
	 * The name to show for an upload: its last path segment, without control or
	 * formatting characters, at most {@value #MAX_NAME} characters, never empty.
	 */
	public static String displayName(@Nullable String given) {
		String name = given == null ? "" : given;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
					&& Character.getType(c) != Character.LINE_SEPARATOR
					&& Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
			.forEach(clean::appendCodePoint);
		name = clean.toString().strip();
		if (name.equals(".") || name.equals("..")) {
			name = "";
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME) {
			name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME));
		}
		return name.isEmpty() ? "file" : name;
	}

	/**
	 * The kind of the file by its content, or a 400 if it is none of the accepted ones.
	 */
	static String detect(Path file) throws IOException {
		byte[] head = new byte[8];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (starts(head, read, '%', 'P', 'D', 'F', '-')) {
			return PDF;
		}
		if (starts(head, read, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (starts(head, read, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (starts(head, read, 'P', 'K', 3, 4)) {
			return office(file);
		}
		if (text(file)) {
			return TEXT;
		}
		throw Problem.badRequest("upload.type");
	}

	private static boolean starts(byte[] head, int read, int... magic) {
		if (read < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * DOCX or XLSX by the parts its {@code [Content_Types].xml} names, reading every
	 * entry with bounded expansion.
	 */
	private static String office(Path file) throws IOException {
		String types = null;
		int entries = 0;
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			byte[] buffer = new byte[64 * 1024];
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (++entries > MAX_ENTRIES) {
					throw Problem.badRequest("upload.archive", MAX_ENTRIES, MAX_EXPANDED);
				}
				boolean wanted = entry.getName().equals("[Content_Types].xml");
				ByteArrayOutputStream kept = new ByteArrayOutputStream();
				long expanded = 0;
				for (int n; (n = zip.read(buffer)) > 0;) {
					expanded += n;
					total += n;
					if (expanded > MAX_EXPANDED || total > MAX_EXPANDED) {
						throw Problem.badRequest("upload.archive", MAX_ENTRIES, MAX_EXPANDED);
					}
					if (wanted && kept.size() < 1024 * 1024) {
						kept.write(buffer, 0, n);
					}
				}
				if (wanted) {
					types = kept.toString(StandardCharsets.UTF_8);
				}
			}
		}
		catch (java.util.zip.ZipException ex) {
			throw Problem.badRequest("upload.type");
		}
		if (types != null && types.contains("PartName=\"/word/")) {
			return DOCX;
		}
		if (types != null && types.contains("PartName=\"/xl/")) {
			return XLSX;
		}
		throw Problem.badRequest("upload.type");
	}

	/**
	 * Whether the file is UTF-8 text without control characters (other than tab, line and
	 * page breaks) that does not look like markup.
	 */
	private static boolean text(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
				return false;
			}
		}
		String start = text.replace("\uFEFF", "").stripLeading();
		String lower = text.toLowerCase(Locale.ROOT);
		return !start.startsWith("<") && !lower.contains("<html") && !lower.contains("<script")
				&& !lower.contains("<!doctype") && !lower.contains("<svg") && !lower.contains("<body");
	}

	private Path area(String area) {
		Path dir = this.root.resolve(area).normalize();
		if (!dir.startsWith(this.root) || dir.equals(this.root)) {
			throw new IllegalArgumentException("bad storage area " + area);
		}
		return dir;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// best effort; the file has a generated name and is never served without a
			// row
		}
	}

	/**
	 * A stored file: its generated id, detected type, size in bytes and SHA-256 (hex).
	 */
	public record Stored(String id, String contentType, long size, String sha256) {
	}

}
