package cn.jianfu.feedback.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

import cn.jianfu.platform.Problem;

/**
 * Removes what an attachment says about its author before it is stored: the document
 * properties of Word and Excel files (author, company, last editor, custom properties),
 * the authors and text of comments and the authors, dates and session ids of tracked
 * revisions; the Info dictionary, XMP metadata and annotation authors of PDF files; the
 * APPn and comment segments of JPEG (EXIF, XMP, IPTC, GPS, thumbnails) and every PNG
 * chunk but the image data and its colour information. Images inside office files are
 * stripped the same way. Anything else, or a file that cannot be read, is refused.
 * <p>
 * Works on bytes in memory with bounded expansion, so that nothing unstripped touches the
 * disk.
 */
public final class MetadataStripper {

	/** The kinds accepted, by content. */
	public enum Kind {

		DOCX("docx"), XLSX("xlsx"), PDF("pdf"), JPEG("jpg"), PNG("png");

		private final String extension;

		Kind(String extension) {
			this.extension = extension;
		}

		public String extension() {
			return this.extension;
		}

	}

	/** Most entries an office file may hold. */
	static final int MAX_ENTRIES = 1000;

	/** Most bytes the entries of an office file may expand to together. */
	static final long MAX_EXPANDED = 64L * 1024 * 1024;

	private static final long ZIP_TIME = 315_532_800_000L;

	private static final Pattern PERSON_ATTRIBUTE = Pattern.compile(
			"(\\s(?:[A-Za-z0-9]+:)?(?:author|initials|userName|userId|providerId|displayName|lastModifiedBy|creator))=\"[^\"]*\"");

	private static final Pattern DATE_ATTRIBUTE = Pattern
		.compile("\\s(?:[A-Za-z0-9]+:)?(?:date|dateUtc|dateTime)=\"[^\"]*\"");

	private static final Pattern RSID_ATTRIBUTE = Pattern.compile("\\sw:rsid[A-Za-z]*=\"[^\"]*\"");

	private static final Pattern RSIDS = Pattern.compile("<w:rsids>.*?</w:rsids>", Pattern.DOTALL);

	private static final Pattern TEXT_RUN = Pattern.compile("(<(?:w:)?t(?:\\s[^>]*)?>)[^<]*(</(?:w:)?t>)");

	private static final Pattern AUTHOR_ELEMENT = Pattern.compile("<author>[^<]*</author>");

	private static final String CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
			+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
			+ " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>";

	private static final String APP = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
			+ " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>";

	private static final String CUSTOM = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
			+ " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"/>";

	private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
			"sBIT", "bKGD", "pHYs");

	private MetadataStripper() {
	}

	/** A stripped file and its kind. */
	public record Stripped(byte[] bytes, Kind kind) {
	}

	/** Strips the file, or refuses it with a 400 naming the accepted kinds. */
	public static Stripped strip(byte[] input) {
		try {
			if (starts(input, '%', 'P', 'D', 'F', '-')) {
				return new Stripped(pdf(input), Kind.PDF);
			}
			if (starts(input, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
				return new Stripped(png(input), Kind.PNG);
			}
			if (starts(input, 0xFF, 0xD8, 0xFF)) {
				return new Stripped(jpeg(input), Kind.JPEG);
			}
			if (starts(input, 'P', 'K', 3, 4)) {
				return office(input);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Problem problem) {
				throw problem;
			}
			throw Problem.badRequest("report.attachment.unreadable");
		}
		throw Problem.badRequest("report.attachment.type");
	}

	private static boolean starts(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	static byte[] pdf(byte[] input) throws IOException {
		try (PDDocument document = Loader.loadPDF(input)) {
			if (document.isEncrypted()) {
				throw Problem.badRequest("report.attachment.unreadable");
			}
			document.getDocument().getTrailer().removeItem(COSName.INFO);
			document.getDocumentCatalog().getCOSObject().removeItem(COSName.METADATA);
			document.getDocumentCatalog().getCOSObject().removeItem(COSName.PIECE_INFO);
			for (PDPage page : document.getPages()) {
				page.getCOSObject().removeItem(COSName.METADATA);
				page.getCOSObject().removeItem(COSName.PIECE_INFO);
				for (PDAnnotation annotation : page.getAnnotations()) {
					annotation.getCOSObject().removeItem(COSName.T);
					annotation.getCOSObject().removeItem(COSName.M);
					annotation.getCOSObject().removeItem(COSName.CREATION_DATE);
					annotation.getCOSObject().removeItem(COSName.METADATA);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
	}

	static byte[] png(byte[] input) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
		out.write(input, 0, 8);
		int at = 8;
		while (at + 12 <= input.length) {
			long length = ((input[at] & 0xFFL) << 24) | ((input[at + 1] & 0xFF) << 16) | ((input[at + 2] & 0xFF) << 8)
					| (input[at + 3] & 0xFF);
			if (length > input.length - at - 12) {
				throw Problem.badRequest("report.attachment.unreadable");
			}
			String type = new String(input, at + 4, 4, StandardCharsets.US_ASCII);
			int total = (int) length + 12;
			if (PNG_KEPT.contains(type)) {
				out.write(input, at, total);
			}
			at += total;
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
		}
		throw Problem.badRequest("report.attachment.unreadable");
	}

	static byte[] jpeg(byte[] input) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
		out.write(0xFF);
		out.write(0xD8);
		int at = 2;
		boolean scanning = false;
		while (at < input.length) {
			int b = input[at] & 0xFF;
			if (b != 0xFF) {
				if (!scanning) {
					throw Problem.badRequest("report.attachment.unreadable");
				}
				out.write(b);
				at++;
				continue;
			}
			if (at + 1 >= input.length) {
				break;
			}
			int marker = input[at + 1] & 0xFF;
			if (scanning && (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7))) {
				out.write(0xFF);
				out.write(marker);
				at += 2;
				continue;
			}
			if (marker == 0xFF) {
				at++;
				continue;
			}
			if (marker == 0xD9) {
				out.write(0xFF);
				out.write(0xD9);
				return out.toByteArray();
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(0xFF);
				out.write(marker);
				at += 2;
				continue;
			}
			if (at + 3 >= input.length) {
				break;
			}
			int length = ((input[at + 2] & 0xFF) << 8) | (input[at + 3] & 0xFF);
			if (length < 2 || at + 2 + length > input.length) {
				throw Problem.badRequest("report.attachment.unreadable");
			}
			boolean drop = (marker >= 0xE0 && marker <= 0xEF && marker != 0xEE) || marker == 0xFE;
			if (!drop) {
				out.write(input, at, 2 + length);
			}
			at += 2 + length;
			if (marker == 0xDA) {
				scanning = true;
			}
		}
		throw Problem.badRequest("report.attachment.unreadable");
	}

	private static Stripped office(byte[] input) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(input.length);
		String types = null;
		Set<String> names = new HashSet<>();
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(input));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			out.setLevel(9);
			byte[] buffer = new byte[64 * 1024];
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (names.size() >= MAX_ENTRIES) {
					throw Problem.badRequest("report.attachment.archive", MAX_ENTRIES);
				}
				String name = entry.getName();
				if (!names.add(name) || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
					throw Problem.badRequest("report.attachment.unreadable");
				}
				ByteArrayOutputStream part = new ByteArrayOutputStream();
				for (int n; (n = zip.read(buffer)) > 0;) {
					total += n;
					if (total > MAX_EXPANDED) {
						throw Problem.badRequest("report.attachment.archive", MAX_ENTRIES);
					}
					part.write(buffer, 0, n);
				}
				if (entry.isDirectory()) {
					continue;
				}
				byte[] content = part(name, part.toByteArray());
				if (content == null) {
					continue;
				}
				if (name.equals("[Content_Types].xml")) {
					types = new String(content, StandardCharsets.UTF_8);
				}
				ZipEntry clean = new ZipEntry(name);
				clean.setTime(ZIP_TIME);
				out.putNextEntry(clean);
				out.write(content);
				out.closeEntry();
			}
		}
		catch (ZipException ex) {
			throw Problem.badRequest("report.attachment.unreadable");
		}
		if (types != null && types.contains("PartName=\"/word/")) {
			return new Stripped(bytes.toByteArray(), Kind.DOCX);
		}
		if (types != null && types.contains("PartName=\"/xl/")) {
			return new Stripped(bytes.toByteArray(), Kind.XLSX);
		}
		throw Problem.badRequest("report.attachment.type");
	}

	/** The cleaned content of one office part, or null to leave it out. */
	private static byte[] part(String name, byte[] content) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals("docprops/core.xml")) {
			return CORE.getBytes(StandardCharsets.UTF_8);
		}
		if (lower.equals("docprops/app.xml")) {
			return APP.getBytes(StandardCharsets.UTF_8);
		}
		if (lower.equals("docprops/custom.xml")) {
			return CUSTOM.getBytes(StandardCharsets.UTF_8);
		}
		if (starts(content, 0xFF, 0xD8, 0xFF)) {
			return jpeg(content);
		}
		if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return png(content);
		}
		if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
			return content;
		}
		String xml = new String(content, StandardCharsets.UTF_8);
		xml = PERSON_ATTRIBUTE.matcher(xml).replaceAll("$1=\"-\"");
		xml = DATE_ATTRIBUTE.matcher(xml).replaceAll("");
		xml = RSID_ATTRIBUTE.matcher(xml).replaceAll("");
		xml = RSIDS.matcher(xml).replaceAll("");
		if (comments(lower)) {
			xml = TEXT_RUN.matcher(xml).replaceAll("$1$2");
			xml = AUTHOR_ELEMENT.matcher(xml).replaceAll("<author>-</author>");
		}
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static boolean comments(String lower) {
		String file = lower.substring(lower.lastIndexOf('/') + 1);
		return file.startsWith("comments") || file.startsWith("threadedcomment") || file.startsWith("people")
				|| file.startsWith("person") || lower.contains("/revisions/");
	}

}
