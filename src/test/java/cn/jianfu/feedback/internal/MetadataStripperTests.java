package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import cn.jianfu.platform.Problem;

/**
 * RELIABILITY row 12: anonymous uploads carrying author, company, revision, comment and
 * EXIF markers keep none of them in the stored bytes (every part of an office file is
 * decompressed and searched), and the files still open.
 */
class MetadataStripperTests {

	static final List<String> MARKERS = List.of("MARKER-AUTHOR", "MARKER-COMPANY", "MARKER-REVISER", "MARKER-COMMENTER",
			"MARKER-COMMENT-TEXT", "MARKER-CUSTOM", "MARKER-EXIF", "MARKER-XMP", "MARKER-EDITOR", "MARKER-PNG-TEXT",
			"MARKER-JPEG-COMMENT", "MARKER-TITLE");

	@Test
	void docxLosesPropertiesCommentsRevisionsAndImageExif() throws IOException {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
						<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
						<Default Extension="xml" ContentType="application/xml"/>
						<Default Extension="jpeg" ContentType="image/jpeg"/>
						<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
						<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
						<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
						<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
						<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
						</Types>""");
		parts.put("_rels/.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
						<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
						<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
						<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
						</Relationships>""");
		parts.put("word/_rels/document.xml.rels",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
						<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/>
						</Relationships>""");
		parts.put("word/document.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
						<w:p w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD"><w:r><w:t>第三次要求报送同一组数据</w:t></w:r>
						<w:ins w:id="1" w:author="MARKER-REVISER" w:date="2026-11-01T08:00:00Z"><w:r><w:t>新增一句</w:t></w:r></w:ins>
						<w:del w:id="2" w:author="MARKER-REVISER" w:date="2026-11-01T08:00:00Z"><w:r><w:delText>删掉</w:delText></w:r></w:del>
						<w:commentRangeStart w:id="0"/><w:r><w:t>正文</w:t></w:r><w:commentRangeEnd w:id="0"/>
						<w:r><w:commentReference w:id="0"/></w:r></w:p></w:body></w:document>""");
		parts.put("word/comments.xml", """
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
				<w:comment w:id="0" w:author="MARKER-COMMENTER" w:initials="MC" w:date="2026-11-01T08:00:00Z">
				<w:p><w:r><w:t>MARKER-COMMENT-TEXT</w:t></w:r></w:p></w:comment></w:comments>""");
		parts.put("word/settings.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rsids><w:rsidRoot w:val="00AB12CD"/></w:rsids></w:settings>""");
		parts.put("docProps/core.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
						<dc:creator>MARKER-AUTHOR</dc:creator><cp:lastModifiedBy>MARKER-EDITOR</cp:lastModifiedBy><dc:title>MARKER-TITLE</dc:title></cp:coreProperties>""");
		parts.put("docProps/app.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>MARKER-COMPANY</Company></Properties>""");
		parts.put("docProps/custom.xml",
				"""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
						<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>MARKER-CUSTOM</vt:lpwstr></property></Properties>""");
		Map<String, byte[]> binary = Map.of("word/media/image1.jpeg", jpegWithExif());
		byte[] docx = zip(parts, binary);
		assertThat(contains(unzip(docx), "MARKER-AUTHOR")).as("the fixture carries markers").isTrue();

		MetadataStripper.Stripped stripped = MetadataStripper.strip(docx);

		assertThat(stripped.kind()).isEqualTo(MetadataStripper.Kind.DOCX);
		Map<String, byte[]> entries = unzip(stripped.bytes());
		assertNoMarker(entries);
		assertThat(new String(entries.get("word/document.xml"), StandardCharsets.UTF_8)).contains("第三次要求报送同一组数据")
			.doesNotContain("w:rsid")
			.doesNotContain("w:date");
		assertThat(entries.get("word/media/image1.jpeg")).isNotNull();
		assertThat(ImageIO.read(new ByteArrayInputStream(entries.get("word/media/image1.jpeg")))).isNotNull();
	}

	@Test
	void xlsxLosesPropertiesAndCommentAuthorsAndStillOpens() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.getProperties().getCoreProperties().setCreator("MARKER-AUTHOR");
			workbook.getProperties().getCoreProperties().setLastModifiedByUser("MARKER-EDITOR");
			workbook.getProperties().getCoreProperties().setTitle("MARKER-TITLE");
			workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("MARKER-COMPANY");
			workbook.getProperties().getCustomProperties().addProperty("Owner", "MARKER-CUSTOM");
			XSSFSheet sheet = workbook.createSheet("低保");
			sheet.createRow(0).createCell(0).setCellValue("户数");
			Drawing<?> drawing = sheet.createDrawingPatriarch();
			ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
			Comment comment = drawing.createCellComment(anchor);
			comment.setAuthor("MARKER-COMMENTER");
			comment.setString(workbook.getCreationHelper().createRichTextString("MARKER-COMMENT-TEXT"));
			sheet.getRow(0).getCell(0).setCellComment(comment);
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		assertThat(contains(unzip(xlsx), "MARKER-COMMENTER")).isTrue();

		MetadataStripper.Stripped stripped = MetadataStripper.strip(xlsx);

		assertThat(stripped.kind()).isEqualTo(MetadataStripper.Kind.XLSX);
		assertNoMarker(unzip(stripped.bytes()));
		try (XSSFWorkbook reopened = new XSSFWorkbook(new ByteArrayInputStream(stripped.bytes()))) {
			assertThat(reopened.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("户数");
			assertThat(reopened.getProperties().getCoreProperties().getCreator()).isNull();
		}
	}

	@Test
	void pdfLosesItsInfoDictionaryXmpAndAnnotationAuthors() throws IOException {
		byte[] pdf;
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setAuthor("MARKER-AUTHOR");
			info.setCreator("MARKER-COMPANY");
			info.setTitle("MARKER-TITLE");
			info.setCustomMetadataValue("Owner", "MARKER-CUSTOM");
			PDMetadata xmp = new PDMetadata(document);
			xmp.importXMPMetadata(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
					+ " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
					+ " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"MARKER-XMP\"/></rdf:RDF></x:xmpmeta>")
				.getBytes(StandardCharsets.UTF_8));
			document.getDocumentCatalog().setMetadata(xmp);
			PDAnnotationText note = new PDAnnotationText();
			note.setTitlePopup("MARKER-COMMENTER");
			note.setContents("批注");
			page.getAnnotations().add(note);
			document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
			pdf = out.toByteArray();
		}
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("MARKER-AUTHOR").contains("MARKER-XMP");

		MetadataStripper.Stripped stripped = MetadataStripper.strip(pdf);

		assertThat(stripped.kind()).isEqualTo(MetadataStripper.Kind.PDF);
		assertNoMarker(Map.of("pdf", stripped.bytes()));
		try (PDDocument reopened = Loader.loadPDF(stripped.bytes())) {
			assertThat(reopened.getNumberOfPages()).isEqualTo(1);
			assertThat(reopened.getDocumentInformation().getAuthor()).isNull();
			assertThat(reopened.getDocumentCatalog().getMetadata()).isNull();
		}
	}

	@Test
	void jpegLosesExifAndCommentsAndStillDecodes() throws IOException {
		byte[] jpeg = jpegWithExif();
		assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("MARKER-EXIF")
			.contains("MARKER-JPEG-COMMENT");

		MetadataStripper.Stripped stripped = MetadataStripper.strip(jpeg);

		assertThat(stripped.kind()).isEqualTo(MetadataStripper.Kind.JPEG);
		assertNoMarker(Map.of("jpeg", stripped.bytes()));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(stripped.bytes()));
		assertThat(image.getWidth()).isEqualTo(32);
	}

	@Test
	void pngLosesTextAndExifChunksAndStillDecodes() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB), "png", out);
		byte[] png = out.toByteArray();
		int iend = png.length - 12;
		ByteArrayOutputStream planted = new ByteArrayOutputStream();
		planted.write(png, 0, iend);
		planted.write(chunk("tEXt", "Author\0MARKER-PNG-TEXT".getBytes(StandardCharsets.ISO_8859_1)));
		planted.write(chunk("iTXt", "Comment\0\0\0\0\0MARKER-AUTHOR".getBytes(StandardCharsets.ISO_8859_1)));
		planted.write(chunk("eXIf", "MM\0*MARKER-EXIF".getBytes(StandardCharsets.ISO_8859_1)));
		planted.write(png, iend, 12);
		planted.write("MARKER-COMPANY trailing".getBytes(StandardCharsets.ISO_8859_1));

		MetadataStripper.Stripped stripped = MetadataStripper.strip(planted.toByteArray());

		assertThat(stripped.kind()).isEqualTo(MetadataStripper.Kind.PNG);
		assertNoMarker(Map.of("png", stripped.bytes()));
		assertThat(ImageIO.read(new ByteArrayInputStream(stripped.bytes())).getWidth()).isEqualTo(24);
	}

	@Test
	void refusesOtherKindsAndBrokenFiles() {
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> MetadataStripper.strip("just text".getBytes(StandardCharsets.UTF_8)))
			.satisfies(p -> assertThat(p.code()).isEqualTo("report.attachment.type"));
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> MetadataStripper.strip("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII)))
			.satisfies(p -> assertThat(p.code()).isEqualTo("report.attachment.unreadable"));
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> MetadataStripper.strip(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01 }))
			.satisfies(p -> assertThat(p.code()).isEqualTo("report.attachment.unreadable"));
	}

	@Test
	void refusesAnOfficeFileThatExpandsTooFar() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types><Override PartName=\"/xl/workbook.xml\"/></Types>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/bomb.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 70; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		long start = System.nanoTime();
		assertThatExceptionOfType(Problem.class).isThrownBy(() -> MetadataStripper.strip(bytes.toByteArray()))
			.satisfies(p -> assertThat(p.code()).isEqualTo("report.attachment.archive"));
		assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
	}

	static void assertNoMarker(Map<String, byte[]> parts) {
		parts.forEach((name, content) -> {
			String text = new String(content, StandardCharsets.ISO_8859_1);
			String utf8 = new String(content, StandardCharsets.UTF_8);
			for (String marker : MARKERS) {
				assertThat(text).as(name + " holds " + marker).doesNotContain(marker);
				assertThat(utf8).as(name + " holds " + marker).doesNotContain(marker);
			}
		});
	}

	static boolean contains(Map<String, byte[]> parts, String marker) {
		return parts.values().stream().anyMatch(b -> new String(b, StandardCharsets.UTF_8).contains(marker));
	}

	static byte[] jpegWithExif() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB), "jpg", out);
		byte[] plain = out.toByteArray();
		byte[] exif = ("Exif\0\0MM\0*GPS 29.8N 106.0E MARKER-EXIF MARKER-AUTHOR").getBytes(StandardCharsets.ISO_8859_1);
		byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>MARKER-XMP</x:xmpmeta>"
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] comment = "MARKER-JPEG-COMMENT".getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream planted = new ByteArrayOutputStream();
		planted.write(plain, 0, 2);
		planted.write(segment(0xE1, exif));
		planted.write(segment(0xE1, xmp));
		planted.write(segment(0xFE, comment));
		planted.write(plain, 2, plain.length - 2);
		return planted.toByteArray();
	}

	private static byte[] segment(int marker, byte[] data) {
		ByteBuffer buffer = ByteBuffer.allocate(4 + data.length);
		buffer.put((byte) 0xFF).put((byte) marker).putShort((short) (data.length + 2)).put(data);
		return buffer.array();
	}

	private static byte[] chunk(String type, byte[] data) {
		ByteBuffer buffer = ByteBuffer.allocate(12 + data.length);
		buffer.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
		CRC32 crc = new CRC32();
		crc.update(type.getBytes(StandardCharsets.US_ASCII));
		crc.update(data);
		buffer.putInt((int) crc.getValue());
		return buffer.array();
	}

	static byte[] zip(Map<String, String> parts, Map<String, byte[]> binary) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().strip().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			for (var part : binary.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}

}
