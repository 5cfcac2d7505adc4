package cn.jianfu.gate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import cn.jianfu.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class DemandAttachmentsTests {

	static final String PASSWORD = DemandsApiTests.PASSWORD;

	static final long LIMIT = 10L * 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Value("${jianfu.data-dir}")
	String dataDir;

	RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	long draft() throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/demands").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(DemandsApiTests.json("附件测试", "正文", "[\"" + DemandsApiTests.BACHUAN + "\"]", "")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(response, "$.id")).longValue();
	}

	ResultActions upload(String user, long id, String name, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/v1/demands/" + id + "/attachments")
			.file(new MockMultipartFile("file", name, "application/pdf", content))
			.with(httpBasic(user, PASSWORD)));
	}

	static byte[] pdf(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
		return bytes;
	}

	Path root() {
		return Path.of(this.dataDir).toAbsolutePath().normalize().resolve("attachments");
	}

	List<String> stored() throws IOException {
		if (!Files.isDirectory(root())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(root())) {
			return files.map(p -> p.getFileName().toString()).toList();
		}
	}

	@Test
	void anUploadComesBackByteForByteAsAnAttachment() throws Exception {
		long id = draft();
		byte[] content = pdf(4096);
		String response = upload("issuer", id, "通知 2026.pdf", content).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.fileName").value("通知 2026.pdf"))
			.andExpect(jsonPath("$.sizeBytes").value(4096))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long attachment = ((Number) JsonPath.read(response, "$.id")).longValue();
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$.attachments[0].id").value(attachment))
			.andExpect(jsonPath("$.attachments[0].fileName").value("通知 2026.pdf"));
		byte[] downloaded = this.mvc
			.perform(get("/api/v1/demands/" + id + "/attachments/" + attachment).with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment;")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%E9%80%9A%E7%9F%A5%202026.pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(downloaded).isEqualTo(content);
		this.mvc.perform(get("/demands/" + id).with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("/demands/" + id + "/attachments/" + attachment)));
		this.mvc.perform(get("/demands/" + id + "/attachments/" + attachment).with(as("gatekeeper")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment;")));
	}

	@Test
	void theLimitPlusOneByteIsTooLargeAndLeavesNothing() throws Exception {
		long id = draft();
		List<String> before = stored();
		upload("issuer", id, "big.pdf", pdf((int) LIMIT + 1)).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.code").value("upload.too-large"))
			.andExpect(jsonPath("$.message_zh").isNotEmpty())
			.andExpect(jsonPath("$.message_en").isNotEmpty());
		assertThat(stored()).containsExactlyInAnyOrderElementsOf(before);
		upload("issuer", id, "exact.pdf", pdf((int) LIMIT)).andExpect(status().isCreated());
	}

	@Test
	void typeIsReadFromTheContentNotTheName() throws Exception {
		long id = draft();
		List<String> before = stored();
		upload("issuer", id, "report.pdf", "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("upload.type"));
		upload("issuer", id, "setup.pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 })
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("upload.type"));
		assertThat(stored()).containsExactlyInAnyOrderElementsOf(before);
		upload("issuer", id, "notes.pdf", "纯文本说明".getBytes(StandardCharsets.UTF_8)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("text/plain;charset=UTF-8"));
		upload("issuer", id, "x.bin", docx(3)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value(containsString("wordprocessingml")));
	}

	@Test
	void aPathInTheNameIsDroppedAndTheFileGetsAGeneratedId() throws Exception {
		long id = draft();
		List<String> before = stored();
		String response = upload("issuer", id, "../../x\u0000\n.txt", "hello".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("x.txt"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(response).doesNotContain("..");
		List<String> added = stored().stream().filter(f -> !before.contains(f)).toList();
		assertThat(added).singleElement().asString().matches("[0-9a-f-]{36}");
		assertThat(Path.of(this.dataDir).toAbsolutePath().normalize().getParent().resolve("x.txt")).doesNotExist();
		upload("issuer", id, "名".repeat(300) + ".txt", "long".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("名".repeat(200)));
	}

	@Test
	void anArchiveWithTooManyEntriesIsRejected() throws Exception {
		long id = draft();
		upload("issuer", id, "many.docx", docx(1001)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("upload.archive"));
	}

	@Test
	void onlyTheIssuerMayAttachAndOnlyReadersMayDownload() throws Exception {
		long id = draft();
		String response = upload("issuer", id, "a.txt", "a".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long attachment = ((Number) JsonPath.read(response, "$.id")).longValue();
		upload("kaizhou.issuer", id, "b.txt", "b".getBytes(StandardCharsets.UTF_8)).andExpect(status().isNotFound());
		upload("village", id, "b.txt", "b".getBytes(StandardCharsets.UTF_8)).andExpect(status().isNotFound());
		upload("gatekeeper", id, "b.txt", "b".getBytes(StandardCharsets.UTF_8)).andExpect(status().isForbidden());
		for (String user : List.of("kaizhou.issuer", "village")) {
			this.mvc
				.perform(get("/api/v1/demands/" + id + "/attachments/" + attachment).with(httpBasic(user, PASSWORD)))
				.andExpect(status().isNotFound());
		}
		this.mvc
			.perform(multipart("/demands/" + id + "/attachments")
				.file(new MockMultipartFile("file", "c.txt", "text/plain", "c".getBytes(StandardCharsets.UTF_8)))
				.with(as("village"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/demands/" + id + "/attachments").file(new MockMultipartFile("file", "page.pdf",
					"application/pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
				.with(as("issuer"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("attachmentError", "problem.upload.type"));
		this.mvc
			.perform(multipart("/demands/" + id + "/attachments")
				.file(new MockMultipartFile("file", "page.txt", "text/plain", "page".getBytes(StandardCharsets.UTF_8)))
				.with(as("issuer"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "demand.attachment.added-flash"));
	}

	@Test
	void afterIssueNothingMoreIsAttached() throws Exception {
		long id = draft();
		String verdict = this.mvc.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (!"ADMITTED".equals(JsonPath.read(verdict, "$.status"))) {
			List<String> codes = JsonPath.read(verdict, "$.findings[*].code");
			String answers = String.join(",", codes.stream().distinct().map(c -> "\"" + c + "\":\"确有必要\"").toList());
			this.mvc
				.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic("issuer", PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"answers\":{" + answers + "}}"))
				.andExpect(status().isOk());
			this.mvc.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("gatekeeper", PASSWORD)))
				.andExpect(status().isOk());
		}
		this.mvc.perform(post("/api/v1/demands/" + id + "/issue").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk());
		upload("issuer", id, "late.txt", "late".getBytes(StandardCharsets.UTF_8)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("demand.state"));
	}

	@Test
	void aDemandCarriesAtMostTenFiles() throws Exception {
		long id = draft();
		for (int i = 0; i < 10; i++) {
			upload("issuer", id, i + ".txt", ("n" + i).getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isCreated());
		}
		upload("issuer", id, "11.txt", "n".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("demand.attachments.too-many"));
	}

	/** A minimal DOCX-shaped archive with the given number of entries. */
	static byte[] docx(int entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types><Override PartName=\"/word/document.xml\""
					+ " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
					+ "</Types>")
				.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			for (int i = 2; i < entries; i++) {
				zip.putNextEntry(new ZipEntry("word/media/p" + i + ".xml"));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
