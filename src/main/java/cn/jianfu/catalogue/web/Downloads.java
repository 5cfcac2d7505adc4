package cn.jianfu.catalogue.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.jianfu.platform.FileStore;
import cn.jianfu.platform.Problem;

/** Files the catalogue hands out: CSV, Excel, JSON or ADX XML, as attachments. */
final class Downloads {

	/** IHE ADX, the aggregate data exchange XML that DHIS2 reads. */
	static final MediaType ADX = new MediaType("application", "adx+xml", StandardCharsets.UTF_8);

	private Downloads() {
	}

	static ResponseEntity<byte[]> file(String name, String format, byte[] body) {
		MediaType type = switch (format) {
			case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
			case "xlsx" -> MediaType.parseMediaType(FileStore.XLSX);
			case "json" -> MediaType.APPLICATION_JSON;
			case "adx.xml" -> ADX;
			default -> throw Problem.notFound("catalogue.format", format);
		};
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(name + "." + format, StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

}
