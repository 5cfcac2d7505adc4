package cn.jianfu.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.jianfu.platform.Problem;
import cn.jianfu.text.Charsets;
import cn.jianfu.text.Mojibake;
import cn.jianfu.text.Normalization;

/**
 * Reads an uploaded official document (DOCX, DOC, OFD, PDF with a text layer, HTML or
 * plain text in UTF-8, GB18030/GBK or Big5), recognised by its content, and returns its
 * normalised text and elements. Every bad input is a {@link Problem} with a code of its
 * own, decided before anything is stored: empty, too large, wrong extension, unsupported,
 * corrupt, zip bomb, XML with a DTD (XXE), encrypted PDF, scanned PDF without a text
 * layer.
 */
@Component
class DocumentReader {

	static final int MAX_ZIP_ENTRIES = 1000;

	static final long MAX_EXPANDED = 50L * 1024 * 1024;

	static final int MAX_RATIO = 200;

	private final long maxBytes;

	DocumentReader(@Value("${jianfu.documents.max-bytes:20971520}") long maxBytes) {
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	ParsedDocument read(@Nullable String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			throw Problem.badRequest("document.empty");
		}
		if (bytes.length > this.maxBytes) {
			throw tooLarge(fileName, this.maxBytes);
		}
		String format = sniff(bytes);
		String extension = extension(fileName);
		if (format == null) {
			throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document.unsupported");
		}
		Archive archive = null;
		if (format.equals("zip")) {
			archive = inspectArchive(bytes);
			format = archive.format();
		}
		else if (format.equals("ole")) {
			format = oleFormat(bytes);
		}
		if (extension != null && !fits(extension, format)) {
			throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document.wrong-extension", extension, format);
		}
		Extracted extracted = switch (format) {
			case "docx" -> docx(bytes);
			case "ofd" -> OfdText.read(archive.xml());
			case "doc" -> doc(bytes);
			case "pdf" -> pdf(bytes);
			case "html" -> html(bytes);
			default -> plain(bytes);
		};
		return parse(format, extracted.charset(), extracted.text());
	}

	/** Reads text given directly (the API's JSON, a demand's body). */
	static ParsedDocument parseText(String text) {
		return parse("text", "UTF-8", text);
	}

	static ParsedDocument parse(String format, String charset, String raw) {
		List<Mojibake.Run> garbled = Mojibake.runs(raw);
		String clean = garbled.isEmpty() ? raw : Mojibake.strip(raw);
		boolean traditional = Normalization.isTraditional(clean);
		String text = Normalization.normalize(clean);
		if (text.isBlank()) {
			throw Problem.badRequest("document.empty");
		}
		return new ParsedDocument(format, charset, traditional, text, OfficialElements.of(text), garbled);
	}

	record Extracted(String charset, String text) {
	}

	static @Nullable String sniff(byte[] b) {
		if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
			return "zip";
		}
		if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
			return "pdf";
		}
		if (b.length >= 8 && (b[0] & 0xff) == 0xd0 && (b[1] & 0xff) == 0xcf && (b[2] & 0xff) == 0x11
				&& (b[3] & 0xff) == 0xe0) {
			return "ole";
		}
		int nul = 0;
		int control = 0;
		int n = Math.min(b.length, 8192);
		for (int i = 0; i < n; i++) {
			int c = b[i] & 0xff;
			if (c == 0) {
				nul++;
			}
			else if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
				control++;
			}
		}
		boolean utf16 = b.length >= 2 && (((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)
				|| ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe));
		if (!utf16 && (nul > 0 || control * 20 > n)) {
			return null;
		}
		String head = new String(b, 0, Math.min(b.length, 2048), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
				|| head.contains("<head")) {
			return "html";
		}
		return "text";
	}

	static @Nullable String extension(@Nullable String fileName) {
		if (fileName == null) {
			return null;
		}
		int dot = fileName.lastIndexOf('.');
		return (dot < 0 || dot == fileName.length() - 1) ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	static boolean fits(String extension, String format) {
		return switch (extension) {
			case "docx" -> format.equals("docx");
			case "doc" -> format.equals("doc");
			case "ofd" -> format.equals("ofd");
			case "pdf" -> format.equals("pdf");
			case "html", "htm", "shtml", "xhtml" -> format.equals("html");
			case "txt", "text" -> format.equals("text");
			default -> false;
		};
	}

	/**
	 * What a zip holds: a DOCX ({@code word/document.xml}) or an OFD ({@code OFD.xml});
	 * for an OFD, its XML parts by name, for {@link OfdText}.
	 */
	record Archive(String format, Map<String, byte[]> xml) {
	}

	/**
	 * Walks the archive counting entries and expanded bytes before POI (or the OFD
	 * reader) sees it, refusing zip bombs and XML with a DTD or entity declaration.
	 */
	static Archive inspectArchive(byte[] bytes) {
		long total = 0;
		int entries = 0;
		boolean document = false;
		boolean ofd = false;
		Map<String, byte[]> xmlParts = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			byte[] buffer = new byte[64 * 1024];
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				if (++entries > MAX_ZIP_ENTRIES) {
					throw Problem.badRequest("document.zip-bomb", MAX_ZIP_ENTRIES, MAX_EXPANDED);
				}
				String name = entry.getName();
				document |= name.equals("word/document.xml");
				ofd |= name.equals("OFD.xml");
				boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
				StringBuilder head = new StringBuilder();
				ByteArrayOutputStream content = xml && !name.startsWith("word/") ? new ByteArrayOutputStream() : null;
				for (int n; (n = zip.read(buffer)) > 0;) {
					total += n;
					if (total > MAX_EXPANDED || total > (long) bytes.length * MAX_RATIO + 1024 * 1024) {
						throw Problem.badRequest("document.zip-bomb", MAX_ZIP_ENTRIES, MAX_EXPANDED);
					}
					if (xml && head.length() < 4096) {
						head.append(new String(buffer, 0, Math.min(n, 4096), StandardCharsets.ISO_8859_1));
					}
					if (content != null) {
						content.write(buffer, 0, n);
					}
				}
				if (xml && (head.indexOf("<!DOCTYPE") >= 0 || head.indexOf("<!ENTITY") >= 0)) {
					throw Problem.badRequest("document.xxe");
				}
				if (content != null) {
					xmlParts.put(name, content.toByteArray());
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw Problem.badRequest("document.corrupt", "zip");
		}
		if (document) {
			return new Archive("docx", Map.of());
		}
		if (ofd) {
			return new Archive("ofd", xmlParts);
		}
		throw entries == 0 ? Problem.badRequest("document.corrupt", "zip")
				: new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document.unsupported");
	}

	/**
	 * An OLE2 compound file is a Word 97–2003 document when it holds a
	 * {@code WordDocument} stream; an OOXML file encrypted with a password is an OLE2
	 * file with {@code EncryptionInfo}; anything else (a spreadsheet, a presentation, a
	 * mail) is not a document.
	 */
	static String oleFormat(byte[] bytes) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
			if (fs.getRoot().hasEntryCaseInsensitive("WordDocument")) {
				return "doc";
			}
			if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
				throw Problem.badRequest("document.encrypted");
			}
			throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document.unsupported");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Problem problem) {
				throw problem;
			}
			throw Problem.badRequest("document.corrupt", "doc");
		}
	}

	/**
	 * Word 97–2003 through POI's HWPF: the text by paragraphs, else its text pieces as
	 * they are stored; an encrypted file is {@code document.encrypted}.
	 */
	static Extracted doc(byte[] bytes) {
		try (HWPFDocument document = new HWPFDocument(new ByteArrayInputStream(bytes));
				WordExtractor extractor = new WordExtractor(document)) {
			String text;
			try {
				text = extractor.getText();
			}
			catch (RuntimeException ex) {
				text = "";
			}
			// Without paragraph properties (a minimal writer's file) only the text pieces
			// hold
			// the text, paragraphs ended by carriage returns.
			return new Extracted("UTF-16LE", text.isBlank() ? extractor.getTextFromPieces() : text);
		}
		catch (EncryptedDocumentException ex) {
			throw Problem.badRequest("document.encrypted");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Problem problem) {
				throw problem;
			}
			throw Problem.badRequest("document.corrupt", "doc");
		}
	}

	static Extracted docx(byte[] bytes) {
		inspectArchive(bytes);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return new Extracted("UTF-8", extractor.getText());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Problem problem) {
				throw problem;
			}
			throw Problem.badRequest("document.corrupt", "docx");
		}
	}

	static Extracted pdf(byte[] bytes) {
		try (PDDocument document = Loader.loadPDF(bytes)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(document);
			if (Normalization.length(text) < 10) {
				throw Problem.badRequest("document.scanned", document.getNumberOfPages());
			}
			return new Extracted("UTF-8", text);
		}
		catch (InvalidPasswordException ex) {
			throw Problem.badRequest("document.encrypted");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Problem problem) {
				throw problem;
			}
			throw Problem.badRequest("document.corrupt", "pdf");
		}
	}

	static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_-]+)",
			Pattern.CASE_INSENSITIVE);

	static final Pattern HIDDEN_STYLE = Pattern.compile(
			"display\\s*:\\s*none|visibility\\s*:\\s*hidden|font-size\\s*:\\s*0(?![.\\d])|opacity\\s*:\\s*0(?![.\\d])"
					+ "|left\\s*:\\s*-\\d{3,}|text-indent\\s*:\\s*-\\d{3,}",
			Pattern.CASE_INSENSITIVE);

	static final Pattern BOILERPLATE = Pattern.compile(
			"(^|[\\s_-])(nav|navbar|menu|breadcrumb|crumb|footer|header|sidebar|share|copyright|banner|toolbar|skip|"
					+ "related|recommend|friendlink|links)($|[\\s_-])",
			Pattern.CASE_INSENSITIVE);

	static Extracted html(byte[] bytes) {
		Charset charset = Charsets.detect(bytes);
		if (!charset.equals(StandardCharsets.UTF_8)) {
			Matcher declared = META_CHARSET
				.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
			if (declared.find()) {
				try {
					Charset named = Charset.forName(declared.group(1));
					charset = named.name().equalsIgnoreCase("GB2312") || named.name().equalsIgnoreCase("GBK")
							? Charsets.GB18030 : named;
				}
				catch (IllegalArgumentException ex) {
					// keep the detected charset
				}
			}
		}
		Document document = Jsoup.parse(Charsets.decode(bytes, charset));
		document
			.select("script, style, noscript, nav, header, footer, aside, iframe, form, template, object, "
					+ "embed, svg, canvas, button, select, input, [hidden], [aria-hidden=true], meta, link")
			.remove();
		for (Element element : document.getAllElements()) {
			if (element.parent() == null) {
				continue;
			}
			if (HIDDEN_STYLE.matcher(element.attr("style")).find()
					|| BOILERPLATE.matcher(element.className() + " " + element.id()).find()
					|| "navigation".equals(element.attr("role")) || "banner".equals(element.attr("role"))
					|| "contentinfo".equals(element.attr("role"))) {
				element.remove();
			}
		}
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode t) {
					text.append(t.text());
				}
				else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element e && e.isBlock()) {
					text.append('\n');
				}
			}
		}, document.body());
		String title = document.title();
		String body = text.toString();
		return new Extracted(charset.name(), body.isBlank() ? title : body);
	}

	static Extracted plain(byte[] bytes) {
		Charset charset = Charsets.detect(bytes);
		return new Extracted(charset.name(), Charsets.decode(bytes, charset));
	}

	/** {@code document.too-large}, naming the file (or the text field) and the limit. */
	static Problem tooLarge(@Nullable String fileName, long limit) {
		return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "document.too-large",
				fileName == null || fileName.isBlank() ? "text" : fileName, limit, limit / (1024 * 1024));
	}

}
