package cn.jianfu.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Named sample documents for intake tests, made in code. */
final class Samples {

	private Samples() {
	}

	static final String NOTICE = """
			重庆市铜梁区民政局文件

			铜民发〔2025〕12号

			重庆市铜梁区民政局
			关于开展2025年度社会救助专项检查的通知

			各镇人民政府、街道办事处：
			为深入贯彻落实《社会救助暂行办法》，按照渝民发[2025]3号文件要求，现就开展社会救助专项检查有关事项通知如下。
			一、检查内容。各乡镇（街道）要对辖区内低保对象逐户核查，建立台账。
			二、时间安排。请于2025年5月30日前将检查报告报送区民政局社会救助科。

			附件：1.社会救助专项检查表
			2.检查情况汇总表

			重庆市铜梁区民政局
			2025年4月18日

			抄送：区纪委监委，区财政局。
			重庆市铜梁区民政局办公室 2025年4月18日印发
			""";

	static byte[] docx(String text) throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (String line : text.split("\n")) {
				document.createParagraph().createRun().setText(line);
			}
			document.write(out);
			return out.toByteArray();
		}
	}

	static byte[] pdf(String asciiText, boolean encrypted) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			if (asciiText != null) {
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
					content.newLineAtOffset(50, 700);
					content.showText(asciiText);
					content.endText();
				}
			}
			if (encrypted) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	static byte[] zip(String entry, byte[] content, int copies) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < copies; i++) {
				zip.putNextEntry(new ZipEntry(copies == 1 ? entry : entry + i));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static byte[] xxeDocx() throws IOException {
		String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
				+ "<w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>";
		return zip("word/document.xml", xml.getBytes(StandardCharsets.UTF_8), 1);
	}

}
