package cn.jianfu.documents.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.jianfu.DatabaseTest;

/**
 * OFD (a zip of XML, read directly) and the Word 97–2003 container: an OFD parses into
 * the same elements as its DOCX; a password-protected DOCX, an OLE2 file that is not a
 * Word document and a broken DOC each get their own code.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DocumentFormatsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	ResultActions parse(String name, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/documents/parse").file(new MockMultipartFile("file", name, null, content))
				.with(user(this.accounts.loadUserByUsername("village"))));
	}

	static final String OFD_NS = "http://www.ofdspec.org/2016";

	/** An OFD package as a writer lays it out: one text object per line, two pages. */
	static byte[] ofd(String text, boolean withSecondPage) throws IOException {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"" + OFD_NS
				+ "\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>a1</ofd:DocID></ofd:DocInfo>"
				+ "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
		parts.put("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"" + OFD_NS
				+ "\"><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
				+ "</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
				+ "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>"
				+ (withSecondPage ? "<ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_1/Content.xml\"/>" : "")
				+ "</ofd:Pages></ofd:Document>");
		String[] lines = text.split("\n");
		int half = withSecondPage ? lines.length / 2 : lines.length;
		parts.put("Doc_0/Pages/Page_0/Content.xml", page(lines, 0, half));
		if (withSecondPage) {
			parts.put("Doc_0/Pages/Page_1/Content.xml", page(lines, half, lines.length));
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static String page(String[] lines, int from, int to) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\""
				+ OFD_NS + "\"><ofd:Content><ofd:Layer ID=\"3\">");
		for (int i = from; i < to; i++) {
			String line = lines[i].replace("&", "&amp;").replace("<", "&lt;");
			// A long line is split into two text objects on the same height, as writers
			// do.
			int cut = line.length() / 2;
			double y = 20 + 6 * (i - from);
			for (String piece : line.length() > 20 ? new String[] { line.substring(0, cut), line.substring(cut) }
					: new String[] { line }) {
				xml.append("<ofd:TextObject ID=\"")
					.append(10 + i)
					.append("\" Boundary=\"25 ")
					.append(y)
					.append(" 160 6\" Font=\"4\" Size=\"5.6\"><ofd:TextCode X=\"0\" Y=\"4.9\">")
					.append(piece)
					.append("</ofd:TextCode></ofd:TextObject>");
			}
		}
		return xml.append("</ofd:Layer></ofd:Content></ofd:Page>").toString();
	}

	static byte[] ole(String stream, byte[] content) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fs.createDocument(new ByteArrayInputStream(content), stream);
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	/** A DOCX protected with a password, as Word saves it: an OLE2 container. */
	static byte[] encryptedDocx() throws Exception {
		try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor encryptor = info.getEncryptor();
			encryptor.confirmPassword("jianfu");
			try (OutputStream os = encryptor.getDataStream(fs)) {
				os.write(Samples.docx(RealDocuments.DIRECTIVE));
			}
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
	}

	@Test
	void readsAnOfdIntoTheSameElementsAsTheDocx() throws Exception {
		parse("铜府办发〔2026〕31号.ofd", ofd(RealDocuments.DIRECTIVE, true)).andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("ofd"))
			.andExpect(jsonPath("$.docNumber").value("铜府办发〔2026〕31号"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区人民政府办公室"))
			.andExpect(jsonPath("$.title").value("重庆市铜梁区人民政府办公室关于开展2026年度城乡居民医疗保险集中参保工作的通知"))
			.andExpect(jsonPath("$.date").value("2026-08-20"))
			.andExpect(jsonPath("$.recipients[2]").value("区政府有关部门"))
			.andExpect(jsonPath("$.attachments[1]").value("资助参保对象名册"))
			.andExpect(jsonPath("$.kind").value("numbered"))
			.andExpect(jsonPath("$.text", containsString("严禁截留、挪用、坐支。")));
	}

	@Test
	void readsAWord97DocumentIntoTheSameElementsAsTheDocx() throws Exception {
		parse("铜府办发〔2026〕31号.doc", Samples.doc(RealDocuments.DIRECTIVE, false)).andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("doc"))
			.andExpect(jsonPath("$.docNumber").value("铜府办发〔2026〕31号"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区人民政府办公室"))
			.andExpect(jsonPath("$.title").value("重庆市铜梁区人民政府办公室关于开展2026年度城乡居民医疗保险集中参保工作的通知"))
			.andExpect(jsonPath("$.date").value("2026-08-20"))
			.andExpect(jsonPath("$.recipients[2]").value("区政府有关部门"))
			.andExpect(jsonPath("$.copyTo[0]").value("区委办公室"))
			.andExpect(jsonPath("$.kind").value("numbered"))
			.andExpect(jsonPath("$.directive").value(true))
			.andExpect(jsonPath("$.text", containsString("严禁截留、挪用、坐支。")));
		parse("locked.doc", Samples.doc(RealDocuments.DIRECTIVE, true)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.encrypted"));
	}

	@Test
	void givesBadOfdAndOleFilesTheirOwnCodes() throws Exception {
		parse("no-page.ofd", withoutEntry("Doc_0/Pages/Page_1/Content.xml")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.corrupt"))
			.andExpect(jsonPath("$.message_en", containsString("Page_1")));
		parse("entity.ofd",
				Samples.zip("OFD.xml",
						"<?xml version=\"1.0\"?><!DOCTYPE o [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><OFD>&e;</OFD>"
							.getBytes(StandardCharsets.UTF_8),
						1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.xxe"));
		parse("通知.docx", ofd("关于报送材料的通知", false)).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("document.wrong-extension"));
		parse("locked.docx", encryptedDocx()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.encrypted"));
		parse("sheet.doc", ole("Workbook", new byte[4096])).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("document.unsupported"));
		parse("broken.doc", ole("WordDocument", "not a word file body".repeat(100).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.corrupt"));
		parse("garbage.doc", new byte[] { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, 1, 2, 3, 4, 5, 6 })
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.corrupt"));
		parse("notice.pdf", ole("WordDocument", new byte[4096])).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("document.wrong-extension"));
	}

	static byte[] withoutEntry(String name) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new ByteArrayInputStream(ofd("关于报送材料的通知\n各村（社区）：\n请按时报送。", true)));
				ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				if (!entry.getName().equals(name)) {
					zip.putNextEntry(new ZipEntry(entry.getName()));
					zip.write(in.readAllBytes());
					zip.closeEntry();
				}
			}
		}
		return bytes.toByteArray();
	}

}
