package cn.jianfu.feedback.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.feedback.internal.ReportDesk;
import cn.jianfu.platform.Problem;

/** Reads attached files into memory, bounded, ignoring empty file inputs. */
final class Uploads {

	private Uploads() {
	}

	static List<byte[]> read(@Nullable List<MultipartFile> files) {
		List<byte[]> read = new ArrayList<>();
		if (files == null) {
			return read;
		}
		for (MultipartFile file : files) {
			if (file.isEmpty()) {
				continue;
			}
			if (read.size() >= ReportDesk.MAX_FILES) {
				throw Problem.badRequest("report.attachment.too-many", ReportDesk.MAX_FILES);
			}
			if (file.getSize() > ReportDesk.MAX_FILE) {
				throw new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "report.attachment.too-large", ReportDesk.MAX_FILE);
			}
			try (InputStream in = file.getInputStream()) {
				byte[] bytes = in.readNBytes((int) ReportDesk.MAX_FILE + 1);
				if (bytes.length > ReportDesk.MAX_FILE) {
					throw new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "report.attachment.too-large", ReportDesk.MAX_FILE);
				}
				read.add(bytes);
			}
			catch (IOException ex) {
				throw Problem.badRequest("report.attachment.unreadable");
			}
		}
		return read;
	}

}
