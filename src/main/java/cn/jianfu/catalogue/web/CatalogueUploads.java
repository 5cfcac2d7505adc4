package cn.jianfu.catalogue.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.catalogue.internal.Sheets;
import cn.jianfu.platform.Problem;

/** Files uploaded to the catalogue (indicator lists, filled sheets, form templates). */
final class CatalogueUploads {

	private CatalogueUploads() {
	}

	/**
	 * The bytes of an uploaded file; none or an empty one is refused
	 * ({@code catalogue.file-missing}), as is one over {@link Sheets#MAX_BYTES}.
	 */
	static byte[] read(@Nullable MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw Problem.badRequest("catalogue.file-missing");
		}
		if (file.getSize() > Sheets.MAX_BYTES) {
			throw Problem.badRequest("catalogue.file-too-large", Sheets.MAX_BYTES / 1024 / 1024);
		}
		return file.getBytes();
	}

}
