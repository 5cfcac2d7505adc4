package cn.jianfu.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jianfu.DatabaseTest;

/**
 * A 50 MB upload over a real socket: the documents API, like every other upload endpoint,
 * answers {@code upload.too-large} naming the limit in both languages (not the
 * container's bare 413 page) and leaves no temporary file. A file under the multipart
 * limit but over the module's is the module's own {@code document.too-large}
 * (DocumentIntakeTests).
 */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DocumentUploadLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	ServletContext servletContext;

	final ObjectMapper json = new ObjectMapper();

	static final String BOUNDARY = "----jianfu-test-boundary-7d1f";

	static byte[] multipart(String fileName, int size) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		byte[] line = "关于报送材料的通知。各村（社区）要按时报送。\n".getBytes(StandardCharsets.UTF_8);
		for (int written = 0; written < size; written += line.length) {
			body.write(line, 0, Math.min(line.length, size - written));
		}
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	HttpResponse<String> post(String path, byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("issuer:jianfu-demo".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static int files(File dir) {
		File[] list = dir == null ? null : dir.listFiles();
		return list == null ? 0 : list.length;
	}

	@Test
	@SuppressWarnings("unchecked")
	void a50MegabyteUploadGetsAProblemInBothLanguagesAndLeavesNoFile() throws Exception {
		File temp = (File) this.servletContext.getAttribute(ServletContext.TEMPDIR);
		int before = files(temp);
		for (String path : new String[] { "/api/v1/documents/parse", "/api/v1/documents", "/api/v1/documents/related",
				"/api/v1/documents/drafts", "/api/v1/reports" }) {
			HttpResponse<String> response = post(path, multipart("2026年工作台账汇编.txt", 50 * 1024 * 1024));
			assertThat(response.statusCode()).as(path).isEqualTo(413);
			Map<String, Object> problem = this.json.readValue(response.body(), Map.class);
			assertThat(problem.get("code")).as(path).isEqualTo("upload.too-large");
			assertThat((String) problem.get("message_zh")).contains("上传内容超过上限").contains("26,214,400");
			assertThat((String) problem.get("message_en")).contains("exceeds the limit").contains("26,214,400");
		}
		assertThat(files(temp)).isEqualTo(before);

		HttpResponse<String> small = post("/api/v1/documents/parse", multipart("small.txt", 4000));
		assertThat(small.statusCode()).isEqualTo(200);
		assertThat(small.body()).contains("\"format\":\"text\"");
	}

}
