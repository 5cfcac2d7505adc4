package cn.jianfu.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.standard.EncryptionRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndianByteArrayOutputStream;
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

	/**
	 * A minimal Word 97 binary document (.doc), written here because no writer is at
	 * hand: an OLE2 container with a {@code WordDocument} stream (the FIB and the text as
	 * UTF-16) and a {@code 1Table} stream (an empty style sheet, the document properties,
	 * an empty font table and the piece table). It has no paragraph or character
	 * formatting, which Word adds; encrypted, its table stream starts with an RC4
	 * encryption header for a password the reader does not know.
	 */
	static byte[] doc(String text, boolean encrypted) throws IOException {
		String body = text.replace("\r\n", "\n").replace('\n', '\r');
		body = body.endsWith("\r") ? body : body + "\r";
		int fcMin = 1024;
		byte[] chars = body.getBytes(StandardCharsets.UTF_16LE);
		ByteBuffer main = ByteBuffer.allocate(fcMin + chars.length).order(ByteOrder.LITTLE_ENDIAN);
		main.putShort(0, (short) 0xA5EC); // wIdent
		main.putShort(2, (short) 0x00C1); // nFib: Word 97
		main.putShort(6, (short) 0x0804); // lid: zh-CN
		main.putShort(0x0A, (short) (encrypted ? 0x1300 : 0x1200)); // fWhichTblStm,
																	// fExtChar,
																	// fEncrypted
		main.putShort(0x0C, (short) 0x00BF);
		int at = 32;
		main.putShort(at, (short) 14); // csw, then FibRgW97
		at += 2 + 28;
		main.putShort(at, (short) 22); // cslw, then FibRgLw97
		main.putInt(at + 2, fcMin + chars.length); // cbMac
		main.putInt(at + 2 + 3 * 4, body.length()); // ccpText
		at += 2 + 88;
		main.putShort(at, (short) 0x5D); // cbRgFcLcb, then FibRgFcLcb97
		int fcLcb = at + 2;
		ByteArrayOutputStream table = new ByteArrayOutputStream();
		if (encrypted) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.binaryRC4);
			info.getEncryptor().confirmPassword("jianfu");
			byte[] header = new byte[52];
			LittleEndianByteArrayOutputStream out = new LittleEndianByteArrayOutputStream(header, 0);
			out.writeShort(info.getVersionMajor());
			out.writeShort(info.getVersionMinor());
			((EncryptionRecord) info.getHeader()).write(out);
			((EncryptionRecord) info.getVerifier()).write(out);
			table.write(header);
			main.putInt(0x0E, header.length); // lKey
		}
		ByteBuffer stsh = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
		stsh.putShort((short) 18)
			.putShort((short) 0)
			.putShort((short) 10)
			.putShort((short) 1)
			.putShort((short) 0x5B)
			.putShort((short) 15);
		fcLcb(main, fcLcb, 0, table.size(), 20);
		fcLcb(main, fcLcb, 1, table.size(), 20); // fcStshf
		table.write(stsh.array());
		fcLcb(main, fcLcb, 31, table.size(), 544); // fcDop
		table.write(new byte[544]);
		fcLcb(main, fcLcb, 15, table.size(), 4); // fcSttbfffn: no fonts
		table.write(new byte[4]);
		ByteBuffer clx = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN);
		clx.put((byte) 2)
			.putInt(16)
			.putInt(0)
			.putInt(body.length())
			.putShort((short) 0x40)
			.putInt(fcMin)
			.putShort((short) 0);
		fcLcb(main, fcLcb, 33, table.size(), 21); // fcClx: one piece of UTF-16 text at
													// fcMin
		table.write(clx.array());
		main.position(fcMin);
		main.put(chars);
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fs.createDocument(new ByteArrayInputStream(main.array()), "WordDocument");
			fs.createDocument(new ByteArrayInputStream(table.toByteArray()), "1Table");
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	private static void fcLcb(ByteBuffer fib, int base, int index, int fc, int lcb) {
		fib.putInt(base + index * 8, fc);
		fib.putInt(base + index * 8 + 4, lcb);
	}

}
